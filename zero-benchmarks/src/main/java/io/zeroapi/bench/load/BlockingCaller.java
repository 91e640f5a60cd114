package io.zeroapi.bench.load;

/**
 * One caller of a closed loop, owned by one thread: {@link #call()} makes one call and returns with its reply.
 */
public interface BlockingCaller extends AutoCloseable {

    /** Makes one call; throws when it fails or times out. */
    void call() throws Exception;

    @Override
    default void close() {
    }

}
