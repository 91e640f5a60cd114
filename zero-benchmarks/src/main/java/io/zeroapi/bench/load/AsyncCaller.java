package io.zeroapi.bench.load;

import java.util.function.Consumer;

/**
 * A client that can have many calls in flight: {@link #call} sends one and reports its outcome, a
 * {@code null} error for success, on whatever thread the client completes it.
 */
public interface AsyncCaller {

    /** Sends one call; {@code done} receives {@code null} on success or the failure. */
    void call(Consumer<Throwable> done);

}
