package io.zeroapi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Asynchronous client of one Zero server: the calls of {@link ZeroClient}, each returning at once with a
 * {@link CompletableFuture} of the reply. Any number of calls may be in flight over the one connection; each
 * reply is matched to its call by the 16-byte request id.
 * <p>
 * Futures fail with the {@link ZeroException}s described on {@link ZeroClient} (not wrapped). They complete
 * on the client's I/O thread: stages chained with the non-{@code Async} methods run there, so they must not
 * block (use {@code thenApplyAsync} and friends for slow work). Cancelling a future forgets the call; its
 * reply, if it comes, is dropped.
 */
public interface AsyncZeroClient {

    /** Calls {@code rpc}; the reply is decoded generically. */
    CompletableFuture<Object> call(String rpc, @Nullable Object arg);

    /** Calls {@code rpc}; the reply is decoded to {@code returnType}. */
    <T> CompletableFuture<T> call(String rpc, @Nullable Object arg, Class<T> returnType);

    /** Calls {@code rpc}; the reply is decoded to a generic type, e.g. {@code List<User>}. */
    <T> CompletableFuture<T> call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType);

    /** Calls {@code rpc} with its own timeout; the reply is decoded generically. */
    CompletableFuture<Object> call(String rpc, @Nullable Object arg, Duration timeout);

    /** Calls {@code rpc} with its own timeout; the reply is decoded to {@code returnType}. */
    <T> CompletableFuture<T> call(String rpc, @Nullable Object arg, Class<T> returnType, Duration timeout);

    /** Calls {@code rpc} with its own timeout; the reply is decoded to a generic type. */
    <T> CompletableFuture<T> call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType,
            Duration timeout);
}
