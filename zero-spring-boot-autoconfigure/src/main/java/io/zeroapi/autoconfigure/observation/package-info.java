/**
 * Spring Boot auto-configuration of Zero's Micrometer Observations ({@code zero.server}, {@code zero.client}).
 */
@NullMarked
package io.zeroapi.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
