package io.zeroapi.bench.server;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Creates the ROUTER socket shared by the two raw JeroMQ servers: loopback, a port chosen by the OS, and
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

}
