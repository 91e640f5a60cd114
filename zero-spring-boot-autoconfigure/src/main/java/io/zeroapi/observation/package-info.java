/**
 * Micrometer Observations of Zero calls, after OpenTelemetry's RPC conventions: {@code zero.server} for each call a
 * server answers and {@code zero.client} for each call a client makes, built on the call listeners of
 * {@link io.zeroapi.server.ZeroServer} and {@link io.zeroapi.client.ZeroConnection}. Conventions are replaceable.
 */
@NullMarked
package io.zeroapi.observation;

import org.jspecify.annotations.NullMarked;
