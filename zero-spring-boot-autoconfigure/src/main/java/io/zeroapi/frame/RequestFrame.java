package io.zeroapi.frame;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Zero's ZeroMQ request frame: a 16-byte request id, the function name in UTF-8 right-padded with spaces to
 * 80 bytes, then the argument as one msgpack value (no bytes at all for a {@code null} argument).
 * <p>
 * Parsing follows the Python server: the name is bytes 16 to 96 stripped of ASCII whitespace at both ends
 * (never of NUL), the payload is everything after byte 96, and a frame cut inside the name simply has no
 * payload. The payload is not copied: it is {@link #payloadLength()} bytes of {@link #frame()} at
 * {@link #payloadOffset()}.
 *
 * @param id the request id (16 bytes)
 * @param function the function name, stripped
 * @param frame the whole frame as received
 * @param payloadOffset where the payload starts in {@code frame}
 */
public record RequestFrame(byte[] id, String function, byte[] frame, int payloadOffset) implements ZeroRequest {

    /** Length of the request id. */
    public static final int ID_LENGTH = 16;

    /** Length of the space-padded function name field. */
    public static final int NAME_LENGTH = ZeroProtocol.MAX_NAME_BYTES;

    /** Offset of the payload in a request frame. */
    public static final int HEADER_LENGTH = ID_LENGTH + NAME_LENGTH;

    private static final byte[] CONNECT = ZeroProtocol.CONNECT.getBytes(StandardCharsets.US_ASCII);

    /**
     * Builds a request frame; a {@code null} or empty payload sends no payload bytes.
     * @throws ZeroFrameException if the id is not 16 bytes or the name is over 80 UTF-8 bytes
     */
    public static byte[] encode(byte[] id, String function, byte[] payload) {
        checkId(id);
        byte[] name = encodeName(function);
        int payloadLength = payload == null ? 0 : payload.length;
        byte[] frame = new byte[HEADER_LENGTH + payloadLength];
        System.arraycopy(id, 0, frame, 0, ID_LENGTH);
        System.arraycopy(name, 0, frame, ID_LENGTH, name.length);
        Arrays.fill(frame, ID_LENGTH + name.length, HEADER_LENGTH, (byte) ' ');
        if (payloadLength > 0) {
            System.arraycopy(payload, 0, frame, HEADER_LENGTH, payloadLength);
        }
        return frame;
    }

    /**
     * The {@code connect} handshake a Python client sends first: the id and ASCII {@code connect}, 23 bytes,
     * no padding.
     */
    public static byte[] connect(byte[] id) {
        checkId(id);
        byte[] frame = new byte[ID_LENGTH + CONNECT.length];
        System.arraycopy(id, 0, frame, 0, ID_LENGTH);
        System.arraycopy(CONNECT, 0, frame, ID_LENGTH, CONNECT.length);
        return frame;
    }

    /**
     * The UTF-8 bytes of a function name, checked against the 80-byte field.
     * @throws ZeroFrameException if the name is longer than 80 UTF-8 bytes
     */
    public static byte[] encodeName(String function) {
        byte[] name = function.getBytes(StandardCharsets.UTF_8);
        if (name.length > NAME_LENGTH) {
            throw new ZeroFrameException("Function name '" + function + "' is " + name.length
                    + " UTF-8 bytes; Zero allows at most " + NAME_LENGTH);
        }
        return name;
    }

    /**
     * Parses a frame as the Python server does.
     * @throws ZeroFrameException if the frame is shorter than the id or the name is not UTF-8
     */
    public static RequestFrame parse(byte[] frame) {
        if (frame.length < ID_LENGTH) {
            throw new ZeroFrameException(
                    "Frame of " + frame.length + " bytes is shorter than the " + ID_LENGTH + "-byte request id");
        }
        int nameEnd = Math.min(frame.length, HEADER_LENGTH);
        int start = ID_LENGTH;
        int end = nameEnd;
        while (start < end && isAsciiWhitespace(frame[start])) {
            start++;
        }
        while (end > start && isAsciiWhitespace(frame[end - 1])) {
            end--;
        }
        return new RequestFrame(Arrays.copyOf(frame, ID_LENGTH), decodeName(frame, start, end), frame, nameEnd);
    }

    private static String decodeName(byte[] frame, int start, int end) {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            if (frame[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(frame, start, end - start, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(frame, start, end - start))
                .toString();
        }
        catch (CharacterCodingException ex) {
            throw new ZeroFrameException("Function name is not valid UTF-8", ex);
        }
    }

    private static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
    }

    private static void checkId(byte[] id) {
        if (id == null || id.length != ID_LENGTH) {
            throw new ZeroFrameException("Request id must be " + ID_LENGTH + " bytes");
        }
    }

    /** Number of payload bytes; 0 when the caller sent no argument. */
    @Override
    public int payloadLength() {
        return frame.length - payloadOffset;
    }
}
