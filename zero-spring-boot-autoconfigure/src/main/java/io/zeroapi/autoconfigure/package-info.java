/**
 * Spring Boot auto-configuration of the codec ({@code zero.codec.*}, {@link
 * io.zeroapi.autoconfigure.ZeroCodecCustomizer}), and the check and failure analysis of keys under {@code zero.}
 * that Zero for Spring does not know.
 */
@NullMarked
package io.zeroapi.autoconfigure;

import org.jspecify.annotations.NullMarked;
