package io.zeroapi;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Reactor flavour of {@link AsyncZeroClient}, available when Reactor is on the class path. Each {@link Mono}
 * is lazy: the request is sent when it is subscribed (once per subscription), and cancelling the subscription
 * forgets the call. A {@code null} reply completes the {@code Mono} empty; failures are the
 * {@link ZeroException}s described on {@link ZeroClient}.
 */
public interface ReactiveZeroClient {

    /** Calls {@code rpc} on subscription; the reply is decoded generically. */
    Mono<Object> call(String rpc, @Nullable Object arg);

    /** Calls {@code rpc} on subscription; the reply is decoded to {@code returnType}. */
    <T> Mono<T> call(String rpc, @Nullable Object arg, Class<T> returnType);

    /** Calls {@code rpc} on subscription; the reply is decoded to a generic type, e.g. {@code List<User>}. */
    <T> Mono<T> call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType);

    /** Calls {@code rpc} on subscription with its own timeout; the reply is decoded generically. */
    Mono<Object> call(String rpc, @Nullable Object arg, Duration timeout);

    /** Calls {@code rpc} on subscription with its own timeout; the reply is decoded to {@code returnType}. */
    <T> Mono<T> call(String rpc, @Nullable Object arg, Class<T> returnType, Duration timeout);

    /** Calls {@code rpc} on subscription with its own timeout; the reply is decoded to a generic type. */
    <T> Mono<T> call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType, Duration timeout);
}
