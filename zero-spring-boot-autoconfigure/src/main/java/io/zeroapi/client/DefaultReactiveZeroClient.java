package io.zeroapi.client;

import java.time.Duration;
import java.util.Objects;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ReactiveZeroClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The {@link ReactiveZeroClient} over an {@link AsyncZeroClient}: each {@link Mono} makes its call on
 * subscription, and cancelling the subscription cancels the call's future, which forgets the call.
 */
public final class DefaultReactiveZeroClient implements ReactiveZeroClient {

    private final AsyncZeroClient async;

    /**
     * Creates a reactive client.
     * @param async the asynchronous client that makes the calls
     */
    public DefaultReactiveZeroClient(AsyncZeroClient async) {
        this.async = Objects.requireNonNull(async, "async");
    }

    @Override
    public Mono<Object> call(String rpc, @Nullable Object arg) {
        return Mono.fromFuture(() -> async.call(rpc, arg), false);
    }

    @Override
    public <T> Mono<T> call(String rpc, @Nullable Object arg, Class<T> returnType) {
        return Mono.fromFuture(() -> async.call(rpc, arg, returnType), false);
    }

    @Override
    public <T> Mono<T> call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType) {
        return Mono.fromFuture(() -> async.call(rpc, arg, returnType), false);
    }

    @Override
    public Mono<Object> call(String rpc, @Nullable Object arg, Duration timeout) {
        return Mono.fromFuture(() -> async.call(rpc, arg, timeout), false);
    }

    @Override
    public <T> Mono<T> call(String rpc, @Nullable Object arg, Class<T> returnType, Duration timeout) {
        return Mono.fromFuture(() -> async.call(rpc, arg, returnType, timeout), false);
    }

    @Override
    public <T> Mono<T> call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType,
            Duration timeout) {
        return Mono.fromFuture(() -> async.call(rpc, arg, returnType, timeout), false);
    }

    @Override
    public String toString() {
        return "DefaultReactiveZeroClient[" + async + "]";
    }
}
