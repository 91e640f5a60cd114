/**
 * Spring Boot auto-configuration of the codec ({@code zero.codec.*}, {@link
 * io.zeroapi.autoconfigure.ZeroCodecCustomizer}).
 */
@NullMarked
package io.zeroapi.autoconfigure;

import org.jspecify.annotations.NullMarked;
