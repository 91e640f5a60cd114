package io.zeroapi.internal.zeromq;

import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * The JeroMQ error codes Zero's sockets act on, so that no code outside this package needs JeroMQ's internal
 * {@code zmq} package.
 */
public final class ZmqErrors {

    private ZmqErrors() {
    }

    /** The socket's context was terminated: its owner should end quietly. */
    public static boolean isTerminated(ZMQException ex) {
        return ex.getErrorCode() == ZError.ETERM;
    }

    /** A ROUTER cannot route to the peer (it disconnected, or is not yet connected). */
    public static boolean isHostUnreachable(ZMQException ex) {
        return ex.getErrorCode() == ZError.EHOSTUNREACH;
    }

    /** A blocking call was interrupted (the thread's interrupt status was consumed). */
    public static boolean isInterrupted(ZMQException ex) {
        return ex.getErrorCode() == ZError.EINTR;
    }

    /** A bind failed because the address is in use. */
    public static boolean isAddressInUse(ZMQException ex) {
        return ex.getErrorCode() == ZError.EADDRINUSE;
    }
}
