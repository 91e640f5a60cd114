package io.zeroapi.bench.server;

/**
 * Target (1), the limit: a JeroMQ ROUTER on one application thread that sends every frame back unchanged,
 * with no parsing and no framework.
 */
public final class RawEchoServer {

    private RawEchoServer() {
    }

    public static void main(String[] args) {
        ChildProcess.exitWhenParentExits();
        RouterSockets.serve(frame -> frame);
    }
}
