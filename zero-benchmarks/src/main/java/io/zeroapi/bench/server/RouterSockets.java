package io.zeroapi.bench.server;

import java.util.function.UnaryOperator;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The ROUTER socket and loop shared by the raw JeroMQ servers: loopback, a port chosen by the OS, and
 * high-water marks far above any window the benchmark opens, so no reply is ever dropped silently.
 */
final class RouterSockets {

    private static final int HIGH_WATER_MARK = 100_000;

    private RouterSockets() {
    }

    static ZMQ.Socket bindLoopback(ZContext context) {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setSndHWM(HIGH_WATER_MARK);
        router.setRcvHWM(HIGH_WATER_MARK);
        router.bind("tcp://127.0.0.1:*");
        return router;
    }

    /**
     * Binds a loopback ROUTER, announces its port and answers every request on this thread with a blocking
     * {@code recv} (the single-thread designs of targets (1) and (2)), until the process ends.
     */
    static void serve(UnaryOperator<byte[]> reply) {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket router = bindLoopback(context);
            ChildProcess.announcePort(ChildProcess.portOf(router.getLastEndpoint()));
            while (!Thread.currentThread().isInterrupted()) {
                byte[] identity = router.recv();
                byte[] frame = router.recv();
                router.sendMore(identity);
                router.send(reply.apply(frame));
            }
        }
    }

}
