package io.zeroapi.internal.zeromq;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Creates the ROUTER sockets of Zero's server and client with the options both need: no linger, mandatory
 * routing (an unroutable reply is an error, not a silent drop), high-water marks, the inbound size limit enforced by
 * ZeroMQ and by a {@link FrameSizeGuard} (so no frame size reaches an allocation unchecked), the handshake interval
 * and ZMTP heartbeats.
 */
public final class ZmqSockets {

    private ZmqSockets() {
    }

    /**
     * A ROUTER socket of {@code context} with {@code options}, not yet bound or connected; destroyed again if an
     * option cannot be set.
     */
    public static ZMQ.Socket router(ZContext context, RouterOptions options) {
        ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
        try {
            socket.setLinger(0);
            socket.setRouterMandatory(true);
            socket.setSndHWM(options.highWaterMark());
            socket.setRcvHWM(options.highWaterMark());
            socket.setMaxMsgSize(options.maxMessageSize());
            socket.setMsgAllocator(new FrameSizeGuard(options.maxMessageSize(), options.owner()));
            socket.setHandshakeIvl(options.handshakeMillis());
            if (!options.heartbeatInterval().isZero() && !options.heartbeatInterval().isNegative()) {
                socket.setHeartbeatIvl((int) options.heartbeatInterval().toMillis());
                socket.setHeartbeatTimeout((int) options.heartbeatTimeout().toMillis());
            }
            return socket;
        }
        catch (RuntimeException ex) {
            context.destroySocket(socket);
            throw ex;
        }
    }
}
