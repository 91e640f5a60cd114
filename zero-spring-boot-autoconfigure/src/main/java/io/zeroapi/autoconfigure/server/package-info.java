/**
 * Spring Boot auto-configuration of the Zero server ({@code zero.server.*},
 * {@link io.zeroapi.autoconfigure.server.ZeroServerCustomizer}) and the failure analyzers of its startup.
 */
@NullMarked
package io.zeroapi.autoconfigure.server;

import org.jspecify.annotations.NullMarked;
