package io.zeroapi.bench.load;

import org.zeromq.ZContext;

/**
 * Client of the raw JeroMQ targets: fresh DEALER sockets on one shared {@link ZContext} with one I/O thread,
 * sending ready-made Zero frames (each closed-loop thread gets its own DEALER).
 */
public final class DealerClient implements TargetClient {

    private final ZContext context;

    private final String address;

    private final ZeroFrames frames;

    /** Creates a client of {@code address} sending {@code frames}, on a context owned by the caller. */
    public DealerClient(ZContext context, String address, ZeroFrames frames) {
        this.context = context;
        this.address = address;
        this.frames = frames;
    }

    @Override
    public Load closedLoop(int threads) {
        return new ClosedLoopLoad(threads, () -> new DealerCaller(context, address, frames));
    }

    @Override
    public Load window(int inFlight) {
        return new DealerWindowLoad(context, address, frames, inFlight);
    }

    @Override
    public void close() {
    }

}
