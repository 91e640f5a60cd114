/**
 * Zero for Spring's public API: {@link io.zeroapi.ZeroRpc} to serve bean methods, {@link io.zeroapi.ZeroClient},
 * {@link io.zeroapi.AsyncZeroClient} and {@link io.zeroapi.ReactiveZeroClient} to call Zero servers, and the
 * {@link io.zeroapi.ZeroException} family every failure a caller sees belongs to.
 */
@NullMarked
package io.zeroapi;

import org.jspecify.annotations.NullMarked;
