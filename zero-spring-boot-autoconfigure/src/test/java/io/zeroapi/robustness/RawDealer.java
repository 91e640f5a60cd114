package io.zeroapi.robustness;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.RequestFrame;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw JeroMQ DEALER on its own context, as a hostile or careless peer would use; one thread only.
 */
final class RawDealer implements AutoCloseable {

    static final ZeroCodec CODEC = new ZeroCodec();

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final ZContext context = new ZContext(1);

    private final ZMQ.Socket socket;

    RawDealer(int port) {
        this(port, 0);
    }

    /**
     * @param receiveHighWaterMark how many replies ZeroMQ queues for this peer (0: no limit); 1 makes unread replies
     * back up into TCP and the server, as a slow reader's would
     */
    RawDealer(int port, int receiveHighWaterMark) {
        socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setHandshakeIvl(500);
        socket.setSndHWM(0);
        socket.setRcvHWM(receiveHighWaterMark);
        socket.connect("tcp://127.0.0.1:" + port);
    }

    ZMQ.Socket socket() {
        return socket;
    }

    ZContext context() {
        return context;
    }

    /** A 16-byte id: the marker {@code ZR} then {@code n}; random frames practically never start like this. */
    static byte[] id(long n) {
        return ByteBuffer.allocate(16).put((byte) 'Z').put((byte) 'R').putLong(2, n).array();
    }

    /** The {@code n} of {@link #id(long)}, or -1 for a frame not answering such an id. */
    static long idOf(byte[] reply) {
        if (reply.length < 16 || reply[0] != 'Z' || reply[1] != 'R') {
            return -1;
        }
        return ByteBuffer.wrap(reply).getLong(2);
    }

    static Object body(byte[] reply) {
        return CODEC.decode(reply, 16, reply.length - 16);
    }

    void send(byte[] frame) {
        assertThat(socket.send(frame, 0)).as("sent").isTrue();
    }

    void sendFrames(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            assertThat(socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0)).isTrue();
        }
    }

    void send(long n, String function, Object argument) {
        send(RequestFrame.encode(id(n), function, argument == null ? null : CODEC.encode(argument)));
    }

    /** The next reply, waiting up to {@code timeout}; {@code null} if none came. */
    byte[] receive(Duration timeout) {
        socket.setReceiveTimeOut((int) timeout.toMillis());
        return socket.recv(0);
    }

    /** The next reply if one is already there. */
    byte[] poll() {
        return socket.recv(ZMQ.DONTWAIT);
    }

    /** Receives until the reply to {@code n} arrives, handing every other reply to {@code others}. */
    byte[] awaitReply(long n, Consumer<byte[]> others) {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("reply to call " + n + " within " + REPLY_TIMEOUT).isPositive();
            byte[] reply = receive(Duration.ofNanos(Math.max(left, 1_000_000)));
            if (reply == null) {
                continue;
            }
            if (idOf(reply) == n && Arrays.equals(reply, 0, 16, id(n), 0, 16)) {
                return reply;
            }
            others.accept(reply);
        }
    }

    /** Sends a call and returns the decoded body of its reply, ignoring anything else. */
    Object call(long n, String function, Object argument) {
        send(n, function, argument);
        return body(awaitReply(n, reply -> {
        }));
    }

    @Override
    public void close() {
        context.close();
    }
}
