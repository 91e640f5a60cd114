package io.zeroapi.bench.server;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Target (1), the limit: a JeroMQ ROUTER on one application thread that sends every frame back unchanged,
 * with no parsing and no framework.
 */
public final class RawEchoServer {

    private RawEchoServer() {
    }

    public static void main(String[] args) {
        ChildProcess.exitWhenParentExits();
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket router = RouterSockets.bindLoopback(context);
            ChildProcess.announcePort(ChildProcess.portOf(router.getLastEndpoint()));
            while (!Thread.currentThread().isInterrupted()) {
                byte[] identity = router.recv();
                byte[] frame = router.recv();
                router.sendMore(identity);
                router.send(frame);
            }
        }
    }

}
