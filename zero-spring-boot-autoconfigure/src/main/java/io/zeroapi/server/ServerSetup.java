package io.zeroapi.server;

import java.util.Map;
import java.util.concurrent.Executor;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ServerTransport} serves, whatever its socket type: the functions by name (in registration order),
 * the codec, the workers of blocking methods, and the listener and interceptors of calls.
 *
 * @param listener told of every call, or {@code null}
 * @param interceptors run around each invocation, or {@code null} for none
 */
record ServerSetup(ZeroCodec codec, Map<String, ZeroRpcEndpoint> endpoints, Executor workers,
        @Nullable ZeroServerCallListener listener, @Nullable InterceptorChain interceptors) {
}
