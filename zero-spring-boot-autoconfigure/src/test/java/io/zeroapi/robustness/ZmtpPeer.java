package io.zeroapi.robustness;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zeroapi.frame.RequestFrame;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ZeroMQ peer written from the ZMTP 3.0 specification (rfc.zeromq.org/spec/23) over a plain {@link Socket}, for
 * tests that send bytes no ZeroMQ library would: the NULL-mechanism handshake as a DEALER, then raw bytes, frame
 * headers with any declared size, ordinary frames, or a Zero call. Every read waits at most the peer's timeout
 * (a {@link SocketTimeoutException} then fails the test). One thread only.
 */
final class ZmtpPeer implements AutoCloseable {

    /** Frame flag: more frames of the same message follow. */
    static final int MORE = 0x01;

    /** Frame flag: the size is 8 bytes (network order) instead of 1. */
    static final int LONG = 0x02;

    /** Frame flag: a command, not a message frame. */
    static final int COMMAND = 0x04;

    private static final int GREETING_LENGTH = 64;

    private static final int MECHANISM_LENGTH = 20;

    private final Socket socket;

    private final DataInputStream in;

    private final OutputStream out;

    private final Duration timeout;

    private Map<String, byte[]> peerProperties = Map.of();

    private ZmtpPeer(Socket socket, Duration timeout) throws IOException {
        this.socket = socket;
        this.timeout = timeout;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A TCP connection to {@code 127.0.0.1:port}, nothing sent yet. */
    static ZmtpPeer connect(int port, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            return new ZmtpPeer(socket, timeout);
        }
        catch (IOException ex) {
            closeQuietly(socket);
            throw new UncheckedIOException(ex);
        }
    }

    /** The next connection accepted by {@code server} (e.g. from a client under test), nothing sent yet. */
    static ZmtpPeer accept(ServerSocket server, Duration timeout) {
        try {
            server.setSoTimeout((int) timeout.toMillis());
            Socket socket = server.accept();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            return new ZmtpPeer(socket, timeout);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A connection whose handshake is done: greetings and READY commands exchanged, as a DEALER. */
    static ZmtpPeer handshake(int port, Duration timeout) {
        ZmtpPeer peer = connect(port, timeout);
        try {
            return peer.greet().ready(null);
        }
        catch (RuntimeException | AssertionError ex) {
            peer.close();
            throw ex;
        }
    }

    /** Sends the greeting (version 3.0, mechanism NULL, as client) and reads and checks the peer's. */
    ZmtpPeer greet() {
        ByteBuffer greeting = ByteBuffer.allocate(GREETING_LENGTH);
        greeting.put((byte) 0xFF).put(new byte[8]).put((byte) 0x7F);
        greeting.put((byte) 3).put((byte) 0);
        greeting.put(Arrays.copyOf("NULL".getBytes(StandardCharsets.US_ASCII), MECHANISM_LENGTH));
        greeting.put((byte) 0);
        write(greeting.array());
        byte[] peer = readFully(GREETING_LENGTH);
        assertThat(peer[0] & 0xFF).as("greeting signature start").isEqualTo(0xFF);
        assertThat(peer[9] & 0xFF).as("greeting signature end").isEqualTo(0x7F);
        assertThat(peer[10]).as("ZMTP major version").isGreaterThanOrEqualTo((byte) 3);
        assertThat(new String(peer, 12, MECHANISM_LENGTH, StandardCharsets.US_ASCII))
            .as("security mechanism").isEqualTo("NULL" + "\0".repeat(MECHANISM_LENGTH - 4));
        return this;
    }

    /** Sends READY (Socket-Type DEALER, and Identity if not {@code null}) and reads the peer's READY. */
    ZmtpPeer ready(byte[] identity) {
        Map<String, byte[]> properties = new LinkedHashMap<>();
        properties.put("Socket-Type", "DEALER".getBytes(StandardCharsets.US_ASCII));
        if (identity != null) {
            properties.put("Identity", identity);
        }
        writeFrame(COMMAND, command("READY", properties));
        Frame frame = readFrame();
        assertThat(frame.isCommand()).as("peer's first frame after the greeting is a command").isTrue();
        peerProperties = parseReady(frame.body());
        return this;
    }

    /** The properties of the peer's READY command (e.g. {@code Socket-Type}), empty before {@link #ready}. */
    Map<String, byte[]> peerProperties() {
        return peerProperties;
    }

    /** Writes bytes as they are. */
    void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Writes the 9-byte header of a long frame: {@code flags} (with {@link #LONG} added) and the 8-byte size. */
    void writeLongHeader(int flags, long size) {
        write(ByteBuffer.allocate(9).put((byte) (flags | LONG)).putLong(size).array());
    }

    /** Writes one frame, with a 1-byte size up to 255 bytes and an 8-byte size above. */
    void writeFrame(int flags, byte[] body) {
        ByteBuffer frame;
        if (body.length <= 255) {
            frame = ByteBuffer.allocate(2 + body.length).put((byte) (flags & ~LONG)).put((byte) body.length);
        }
        else {
            frame = ByteBuffer.allocate(9 + body.length).put((byte) (flags | LONG)).putLong(body.length);
        }
        write(frame.put(body).array());
    }

    /** Sends one message of one or more frames. */
    void sendMessage(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            writeFrame(i < frames.length - 1 ? MORE : 0, frames[i]);
        }
    }

    /** Reads the next frame, command or not. */
    Frame readFrame() {
        byte[] header = readFully(1);
        int flags = header[0] & 0xFF;
        long size = (flags & LONG) != 0 ? ByteBuffer.wrap(readFully(8)).getLong() : readFully(1)[0] & 0xFF;
        assertThat(size).as("size of a frame from the peer").isBetween(0L, (long) Integer.MAX_VALUE);
        return new Frame(flags, readFully((int) size));
    }

    /** Reads the frames of the next message, skipping commands in between. */
    List<byte[]> readMessage() {
        List<byte[]> frames = new ArrayList<>();
        while (true) {
            Frame frame = readFrame();
            if (frame.isCommand()) {
                continue;
            }
            frames.add(frame.body());
            if (!frame.hasMore()) {
                return frames;
            }
        }
    }

    /** Makes a Zero call as a Python client would (one request frame) and returns the reply's single frame. */
    byte[] call(byte[] id, String function, byte[] payload) {
        sendMessage(RequestFrame.encode(id, function, payload));
        List<byte[]> reply = readMessage();
        assertThat(reply).as("frames of the reply to " + function).hasSize(1);
        return reply.get(0);
    }

    /**
     * Makes a Zero call and returns the reply whose first 16 bytes are {@code id}, skipping up to
     * {@code maxOthers} other replies; empty if the peer closes (or resets) the connection first.
     */
    Optional<byte[]> callUnlessClosed(byte[] id, String function, byte[] payload, int maxOthers) {
        try {
            sendMessage(RequestFrame.encode(id, function, payload));
            for (int i = 0; i <= maxOthers; i++) {
                List<byte[]> reply = readMessage();
                if (reply.size() == 1 && reply.get(0).length >= id.length
                        && Arrays.equals(reply.get(0), 0, id.length, id, 0, id.length)) {
                    return Optional.of(reply.get(0));
                }
            }
            throw new AssertionError("no reply to " + function + " among " + maxOthers + " replies");
        }
        catch (UncheckedIOException ex) {
            if (ex.getCause() instanceof EOFException || ex.getCause() instanceof SocketException) {
                return Optional.empty();
            }
            if (ex.getCause() instanceof SocketTimeoutException) {
                throw new AssertionError("no reply to " + function + " within " + timeout
                        + ", and the connection is still open", ex);
            }
            throw ex;
        }
    }

    /**
     * Reads and discards until the peer closes the connection; {@code false} if it is still open after
     * {@code within}. A reset counts as closed.
     */
    boolean awaitClosed(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] sink = new byte[4096];
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
                if (in.read(sink) < 0) {
                    return true;
                }
            }
        }
        catch (SocketTimeoutException ex) {
            return false;
        }
        catch (SocketException ex) {
            return true;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            restoreTimeout();
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private byte[] readFully(int length) {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
            return bytes;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("reading " + length + " bytes from the peer (timeout " + timeout + ")", ex);
        }
    }

    private void restoreTimeout() {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        }
        catch (SocketException ex) {
            // closed meanwhile: nothing more will be read
        }
    }

    private static byte[] command(String name, Map<String, byte[]> properties) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        body.write(nameBytes.length);
        body.writeBytes(nameBytes);
        properties.forEach((key, value) -> {
            byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
            body.write(keyBytes.length);
            body.writeBytes(keyBytes);
            body.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            body.writeBytes(value);
        });
        return body.toByteArray();
    }

    private static Map<String, byte[]> parseReady(byte[] body) {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        byte[] name = new byte[buffer.get() & 0xFF];
        buffer.get(name);
        assertThat(new String(name, StandardCharsets.US_ASCII)).as("peer's command").isEqualTo("READY");
        Map<String, byte[]> properties = new LinkedHashMap<>();
        while (buffer.hasRemaining()) {
            byte[] key = new byte[buffer.get() & 0xFF];
            buffer.get(key);
            byte[] value = new byte[buffer.getInt()];
            buffer.get(value);
            properties.put(new String(key, StandardCharsets.US_ASCII), value);
        }
        return properties;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // nothing to do for a test fixture
        }
    }

    /** One frame as read: its flags byte and its body. */
    record Frame(int flags, byte[] body) {

        boolean isCommand() {
            return (flags & COMMAND) != 0;
        }

        boolean hasMore() {
            return (flags & MORE) != 0;
        }
    }
}
