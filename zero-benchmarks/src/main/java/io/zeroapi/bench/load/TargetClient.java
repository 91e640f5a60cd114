package io.zeroapi.bench.load;

/**
 * The client side of one target: creates a fresh {@link Load} for each pattern cell.
 */
public interface TargetClient extends AutoCloseable {

    /** {@code threads} callers, each calling in a closed loop and blocking for each reply. */
    Load closedLoop(int threads);

    /** One client, one sending thread or callback chain, keeping {@code inFlight} calls outstanding. */
    Load window(int inFlight);

    @Override
    void close();

}
