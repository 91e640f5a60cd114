package io.zeroapi.bench.load;

/**
 * Traffic of one pattern against one target: started before the warm-up, stopped after the measuring window.
 */
public interface Load {

    /** Opens the client side (connected and answered once) and starts sending; returns once traffic flows. */
    void start(Recorder recorder) throws Exception;

    /** Stops sending, waits a bounded time for calls in flight and releases the client side. */
    void stop();

}
