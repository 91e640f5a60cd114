package io.zeroapi.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import io.zeroapi.frame.TcpFrame;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@link Socket} speaking Zero's TCP protocol byte by byte, as a Python Zero 1.0 client (or a hostile or
 * careless peer) would against a real server; one thread only.
 */
public final class RawTcp implements AutoCloseable {

    /** How long {@link #receive()} waits for a frame, and {@link #awaitClosed()} for the server to close. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final Socket socket;

    private final OutputStream out;

    private final DataInputStream in;

    public RawTcp(int port) {
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) REPLY_TIMEOUT.toMillis());
            socket.setSoTimeout((int) REPLY_TIMEOUT.toMillis());
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Sends raw bytes. */
    public void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Sends a request frame {@code {"fn": function, "data": argument}} with id {@code id}. */
    public void send(int id, String function, Object argument) {
        send(TcpFrame.request(id, function, argument == null ? null : Codecs.CODEC.encode(argument)));
    }

    /** The next whole frame, length prefix included, failing if none comes in time. */
    public byte[] receive() {
        try {
            int length = in.readInt();
            byte[] frame = new byte[4 + length];
            frame[0] = (byte) (length >>> 24);
            frame[1] = (byte) (length >>> 16);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
            in.readFully(frame, 4, length);
            return frame;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Sends a call and returns the decoded payload of the next frame, checking that it answers {@code id}. */
    public Object call(int id, String function, Object argument) {
        send(id, function, argument);
        byte[] frame = receive();
        assertThat(TcpFrame.requestId(frame)).as("reply id").isEqualTo(id);
        return payload(frame);
    }

    /** The decoded payload of a whole frame. */
    public static Object payload(byte[] frame) {
        return Codecs.CODEC.decode(frame, TcpFrame.HEADER_LENGTH, frame.length - TcpFrame.HEADER_LENGTH);
    }

    /** Waits until the server closes the connection, failing if it sends anything or does not close in time. */
    public void awaitClosed() {
        try {
            InputStream stream = socket.getInputStream();
            int read = stream.read();
            assertThat(read).as("end of stream instead of a byte").isEqualTo(-1);
        }
        catch (SocketTimeoutException ex) {
            throw new AssertionError("the server did not close the connection within " + REPLY_TIMEOUT, ex);
        }
        catch (SocketException ex) {
            assertThat(ex.getMessage()).as("connection reset").containsIgnoringCase("reset");
        }
        catch (EOFException ex) {
            return;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
