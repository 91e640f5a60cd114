package io.zeroapi.bench.load;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Opens fresh DEALER sockets to a Zero-shaped server and proves each one works with a first call before it
 * is used, working around JeroMQ 0.6.0's occasional connect hang: a short handshake interval makes a stuck
 * handshake retry within 0.5 s, and a socket that gives no answer is replaced (and reported on stderr).
 */
final class DealerSockets {

    private static final int HANDSHAKE_IVL_MILLIS = 500;

    private static final int PING_TIMEOUT_MILLIS = 1_500;

    private static final int ATTEMPTS = 8;

    private static final int HIGH_WATER_MARK = 100_000;

    private DealerSockets() {
    }

    static ZMQ.Socket open(ZContext context, String address, ZeroFrames frames) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
            socket.setLinger(0);
            socket.setHandshakeIvl(HANDSHAKE_IVL_MILLIS);
            socket.setSndHWM(HIGH_WATER_MARK);
            socket.setRcvHWM(HIGH_WATER_MARK);
            socket.setReceiveTimeOut(PING_TIMEOUT_MILLIS);
            socket.connect(address);
            if (socket.send(frames.frame(-2)) && socket.recv() != null) {
                return socket;
            }
            context.destroySocket(socket);
            System.err.printf("[bench] first frame on a fresh DEALER to %s got no answer (attempt %d)%n", address,
                    attempt + 1);
        }
        throw new IllegalStateException("No answer from " + address + " after " + ATTEMPTS + " connects");
    }

}
