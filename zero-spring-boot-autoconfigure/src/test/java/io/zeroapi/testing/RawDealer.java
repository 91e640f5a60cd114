package io.zeroapi.testing;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

import io.zeroapi.frame.RequestFrame;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw JeroMQ DEALER on its own context, as a Python Zero client, or a hostile or careless peer, would use against
 * a real server socket; one thread only. Its request ids are {@link #id(long) numbered}.
 */
public final class RawDealer implements AutoCloseable {

    /** How long {@link #receive()} and {@link #awaitReply} wait for a reply. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final ZContext context = new ZContext(1);

    private final ZMQ.Socket socket;

    public RawDealer(int port) {
        this(port, 0);
    }

    /**
     * @param receiveHighWaterMark how many replies ZeroMQ queues for this peer (0: no limit); 1 makes unread replies
     * back up into TCP and the server, as a slow reader's would
     */
    public RawDealer(int port, int receiveHighWaterMark) {
        socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setHandshakeIvl(500);
        socket.setSndHWM(0);
        socket.setRcvHWM(receiveHighWaterMark);
        socket.connect("tcp://127.0.0.1:" + port);
    }

    public ZMQ.Socket socket() {
        return socket;
    }

    public ZContext context() {
        return context;
    }

    /** A 16-byte id: the marker {@code ZR} then {@code n}; random frames practically never start like this. */
    public static byte[] id(long n) {
        return ByteBuffer.allocate(16).put((byte) 'Z').put((byte) 'R').putLong(2, n).array();
    }

    /** The {@code n} of {@link #id(long)}, or -1 for a frame not answering such an id. */
    public static long idOf(byte[] reply) {
        if (reply.length < 16 || reply[0] != 'Z' || reply[1] != 'R') {
            return -1;
        }
        return ByteBuffer.wrap(reply).getLong(2);
    }

    /** The decoded body of a reply to a 16-byte id. */
    public static Object body(byte[] reply) {
        return Codecs.CODEC.decode(reply, 16, reply.length - 16);
    }

    public void send(byte[] frame) {
        assertThat(socket.send(frame, 0)).as("sent").isTrue();
    }

    /** Sends a message of several frames (which a Zero server drops). */
    public void sendFrames(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            assertThat(socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0)).isTrue();
        }
    }

    /** Sends a normal Zero request: {@link #id(long) id} {@code n}, padded name, encoded argument (none for null). */
    public void send(long n, String function, Object argument) {
        send(RequestFrame.encode(id(n), function, argument == null ? null : Codecs.CODEC.encode(argument)));
    }

    /** The next reply, failing if none comes within {@link #REPLY_TIMEOUT}. */
    public byte[] receive() {
        byte[] reply = receive(REPLY_TIMEOUT);
        assertThat(reply).as("reply within " + REPLY_TIMEOUT).isNotNull();
        return reply;
    }

    /** The next reply, waiting up to {@code timeout}; {@code null} if none came. */
    public byte[] receive(Duration timeout) {
        socket.setReceiveTimeOut((int) timeout.toMillis());
        return socket.recv(0);
    }

    /** The next reply if one is already there. */
    public byte[] poll() {
        return socket.recv(ZMQ.DONTWAIT);
    }

    /** Sends a frame and returns the next reply, whatever it answers. */
    public byte[] call(byte[] frame) {
        send(frame);
        return receive();
    }

    /** Receives until the reply to {@code n} arrives, handing every other reply to {@code others}. */
    public byte[] awaitReply(long n, Consumer<byte[]> others) {
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
    public Object call(long n, String function, Object argument) {
        send(n, function, argument);
        return body(awaitReply(n, reply -> {
        }));
    }

    @Override
    public void close() {
        context.close();
    }
}
