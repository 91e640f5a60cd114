package io.zeroapi.client;

import io.zeroapi.ZeroConnectionException;
import org.jspecify.annotations.Nullable;

/**
 * One life of the transport under a {@link ZeroConnection}: it carries the requests of the calls handed to it to
 * the server and completes them with their replies, on its own I/O thread. The seam between the call handling
 * (pending calls, ids, timeouts, decoding: {@link ZeroConnection}, {@link PendingCall}) and the way bytes reach the
 * server. A transport that failed is replaced as a whole by a new one from its {@link Protocol}.
 */
interface ClientTransport {

    /** The calls pending on this transport. */
    PendingCalls calls();

    /** Any thread: hands a call, already in {@link #calls()}, to the I/O thread. */
    void submit(PendingCall call);

    /**
     * Makes a call on the calling thread, which blocks for it anyway, when the transport can (e.g. on a socket of the
     * caller's own, saving the hand-offs to and from the I/O thread).
     * @param call a call already in {@link #calls()}, not yet submitted
     * @param deadlineNanos when the call times out (a {@link System#nanoTime()} value)
     * @return whether it did: the call is then complete, or still pending with the caller interrupted; {@code false}
     * if it did not touch the call, which is then to be {@link #submit submitted}
     */
    default boolean callOnCallerThread(PendingCall call, long deadlineNanos) {
        return false;
    }

    /** Any thread: runs {@code task} on the I/O thread; a task that throws fails the transport. */
    void execute(Runnable task);

    /** Whether calls may still be handed over: neither failed nor closing. */
    boolean isUsable();

    /** Why a call handed over now would never be answered, or {@code null} while the transport is usable. */
    @Nullable ZeroConnectionException refusal(String rpc);

    /** Whether its I/O thread has ended and its resources are released. */
    boolean isFinished();

    /**
     * Fails the pending calls ("client closed"), stops the I/O thread and waits for it until {@code deadlineNanos}
     * (a {@link System#nanoTime()} value).
     */
    void close(long deadlineNanos);

    /** The failure of a call handed to a transport that is closing or closed. */
    static ZeroConnectionException closedException(String rpc, String address) {
        return new ZeroConnectionException(rpc, address, "client closed");
    }

    /** A wire protocol: how requests are framed, and how transports speaking it are opened. */
    interface Protocol {

        /** Bytes a request takes besides its msgpack argument. */
        int requestOverhead();

        /** The id of a new call (drawn again while it is taken by a pending call); random by default. */
        default RequestId newId() {
            return RequestId.random();
        }

        /**
         * The request frame of a call.
         * @param payload the msgpack argument, or {@code null} for none
         * @throws io.zeroapi.frame.ZeroFrameException if the function name does not fit the protocol
         */
        byte[] encodeRequest(RequestId id, String rpc, byte @Nullable [] payload);

        /**
         * Opens a transport to {@code address} and starts its I/O thread.
         * @param name names the thread and the log lines, e.g. {@code zero-client-1}
         * @param status where the transport reports connecting, connected and lost
         * @param keepConnected whether to connect at once and reconnect after a loss without waiting for a call (a
         * member of a connection to several servers, which must be connected to be chosen)
         */
        ClientTransport open(String name, String address, ZeroConnectionSettings settings, ConnectionStatus status,
                boolean keepConnected);
    }
}
