package io.zeroapi;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Blocking client of one Zero server: calls a remote function by name with one argument and waits for its
 * reply. Thread-safe; any number of threads (platform or virtual) may call at once over the one connection.
 * <p>
 * A {@code null} argument sends no payload (as Python Zero does for {@code None}). Without a return type the
 * reply is decoded generically ({@code null}, {@code Boolean}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code String}, {@code byte[]}, {@code List}, {@code Map}, {@code Instant}); with one it is
 * decoded strictly to that type. Calls without a timeout use the client's default (5 seconds unless
 * configured).
 * <p>
 * Failures are {@link ZeroException}s: {@link ZeroMethodNotFoundException}, {@link ZeroRemoteException} and
 * {@link ZeroValidationException} for Zero's error replies, {@link ZeroTimeoutException} when a connected
 * server does not answer in time, {@link ZeroConnectionException} when no connection came up in time, and a
 * plain {@code ZeroException} for a reply that does not fit the return type. A
 * {@code __zerror__failed_to_generate_client_code} reply is returned as a {@code Map}, as Zero does.
 */
public interface ZeroClient {

    /** Calls {@code rpc} and decodes the reply generically. */
    @Nullable Object call(String rpc, @Nullable Object arg);

    /** Calls {@code rpc} and decodes the reply to {@code returnType}. */
    <T> @Nullable T call(String rpc, @Nullable Object arg, Class<T> returnType);

    /** Calls {@code rpc} and decodes the reply to a generic type, e.g. {@code List<User>}. */
    <T> @Nullable T call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType);

    /** Calls {@code rpc} with its own timeout and decodes the reply generically. */
    @Nullable Object call(String rpc, @Nullable Object arg, Duration timeout);

    /** Calls {@code rpc} with its own timeout and decodes the reply to {@code returnType}. */
    <T> @Nullable T call(String rpc, @Nullable Object arg, Class<T> returnType, Duration timeout);

    /** Calls {@code rpc} with its own timeout and decodes the reply to a generic type. */
    <T> @Nullable T call(String rpc, @Nullable Object arg, ParameterizedTypeReference<T> returnType, Duration timeout);
}
