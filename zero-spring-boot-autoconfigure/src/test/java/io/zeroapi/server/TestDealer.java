package io.zeroapi.server;

import java.time.Duration;
import java.util.HexFormat;

import io.zeroapi.frame.RequestFrame;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw JeroMQ DEALER, as a Python Zero client uses, for tests against a real server socket.
 */
public final class TestDealer implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ZContext context = new ZContext(1);

    private final ZMQ.Socket socket;

    public TestDealer(int port) {
        socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setHandshakeIvl(1000);
        socket.setReceiveTimeOut((int) TIMEOUT.toMillis());
        socket.setSndHWM(100_000);
        socket.setRcvHWM(100_000);
        socket.connect("tcp://127.0.0.1:" + port);
    }

    /** A 16-byte request id whose first bytes hold {@code n}. */
    public static byte[] id(int n) {
        byte[] id = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        id[0] = (byte) (n >>> 24);
        id[1] = (byte) (n >>> 16);
        id[2] = (byte) (n >>> 8);
        id[3] = (byte) n;
        return id;
    }

    public void send(byte[] frame) {
        assertThat(socket.send(frame, 0)).isTrue();
    }

    /** Sends a message of several frames (which a Zero server drops). */
    public void sendFrames(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** Sends a normal Zero request: id, padded name, payload. */
    public void send(byte[] id, String function, byte[] payload) {
        send(RequestFrame.encode(id, function, payload));
    }

    public byte[] receive() {
        byte[] reply = socket.recv(0);
        assertThat(reply).as("reply within " + TIMEOUT).isNotNull();
        return reply;
    }

    /** Sends a request and returns the reply frame. */
    public byte[] call(byte[] frame) {
        send(frame);
        return receive();
    }

    @Override
    public void close() {
        context.close();
    }
}
