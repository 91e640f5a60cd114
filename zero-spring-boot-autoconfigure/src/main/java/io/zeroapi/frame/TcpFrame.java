package io.zeroapi.frame;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A frame of Zero's TCP transport (zeroapi 1.0, "TCP-v2"): a big-endian u32 length counting the id, the flag
 * and the payload, a big-endian u32 request id, a one-byte error flag (1 for a {@code __zerror__} map), and
 * the msgpack payload. A request payload is the map {@code {"fn": name, "data": argument}}.
 *
 * @param requestId the request id (an unsigned 32-bit counter, kept in an {@code int})
 * @param error whether the payload is an error map
 * @param payload the msgpack payload
 */
public record TcpFrame(int requestId, boolean error, byte[] payload) {

    /** Bytes before the payload: length, id and flag. */
    public static final int HEADER_LENGTH = 9;

    /** Bytes of the length prefix. */
    public static final int LENGTH_BYTES = 4;

    /** Bytes of the request id. */
    public static final int ID_LENGTH = 4;

    /** The smallest length prefix: the id and the flag. */
    public static final int MIN_LENGTH = 5;

    private static final byte[] REQUEST_START = { (byte) 0x82, (byte) 0xa2, 'f', 'n' };

    private static final byte[] DATA_KEY = { (byte) 0xa4, 'd', 'a', 't', 'a' };

    private static final byte NIL = (byte) 0xc0;

    private static final byte[] ERROR_PREFIX = ZeroErrors.PREFIX.getBytes(StandardCharsets.US_ASCII);

    /**
     * A whole frame answering request {@code id} (its 4 bytes as received) with {@code body}.
     * @param error whether {@code body} is an error map (flag 1)
     */
    public static byte[] reply(byte[] id, byte[] body, boolean error) {
        byte[] out = new byte[HEADER_LENGTH + body.length];
        putInt(out, 0, MIN_LENGTH + body.length);
        System.arraycopy(id, 0, out, LENGTH_BYTES, ID_LENGTH);
        out[8] = (byte) (error ? 1 : 0);
        System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
        return out;
    }

    /**
     * A whole request frame: the map {@code {"fn": function, "data": argument}}, nil for no argument.
     * @param payload the msgpack argument, or {@code null} (or empty) for none
     */
    public static byte[] request(int requestId, String function, byte @Nullable [] payload) {
        byte[] name = function.getBytes(StandardCharsets.UTF_8);
        int nameHeader = name.length < 32 ? 1 : name.length < 256 ? 2 : name.length < 65536 ? 3 : 5;
        int data = payload == null || payload.length == 0 ? 1 : payload.length;
        int length = MIN_LENGTH + REQUEST_START.length + nameHeader + name.length + DATA_KEY.length + data;
        byte[] out = new byte[LENGTH_BYTES + length];
        putInt(out, 0, length);
        putInt(out, 4, requestId);
        int at = HEADER_LENGTH;
        System.arraycopy(REQUEST_START, 0, out, at, REQUEST_START.length);
        at += REQUEST_START.length;
        if (nameHeader == 1) {
            out[at++] = (byte) (0xa0 | name.length);
        }
        else if (nameHeader == 2) {
            out[at++] = (byte) 0xd9;
            out[at++] = (byte) name.length;
        }
        else if (nameHeader == 3) {
            out[at++] = (byte) 0xda;
            out[at++] = (byte) (name.length >>> 8);
            out[at++] = (byte) name.length;
        }
        else {
            out[at++] = (byte) 0xdb;
            putInt(out, at, name.length);
            at += 4;
        }
        System.arraycopy(name, 0, out, at, name.length);
        at += name.length;
        System.arraycopy(DATA_KEY, 0, out, at, DATA_KEY.length);
        at += DATA_KEY.length;
        if (payload == null || payload.length == 0) {
            out[at] = NIL;
        }
        else {
            System.arraycopy(payload, 0, out, at, payload.length);
        }
        return out;
    }

    /**
     * Whether a reply body is a map with a str key starting with {@code __zerror__}, which Zero's TCP worker flags
     * as an error whatever returned it.
     * @param body one well-formed msgpack value
     */
    public static boolean isErrorMap(byte[] body) {
        if (body.length == 0 || !isMapHeader(body[0] & 0xFF) || !contains(body, ERROR_PREFIX)) {
            return false;
        }
        MsgpackCursor cursor = new MsgpackCursor(body, 0);
        long entries = cursor.mapHeader();
        for (long i = 0; i < entries; i++) {
            int key = cursor.position();
            int length = cursor.strLength();
            int at = cursor.position();
            if (length >= ERROR_PREFIX.length
                    && Arrays.equals(body, at, at + ERROR_PREFIX.length, ERROR_PREFIX, 0, ERROR_PREFIX.length)) {
                return true;
            }
            cursor.position(key);
            cursor.skip();
            cursor.skip();
        }
        return false;
    }

    private static boolean isMapHeader(int b) {
        return (b >= 0x80 && b <= 0x8f) || b == 0xde || b == 0xdf;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int k = 0; k < part.length; k++) {
                if (bytes[i + k] != part[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The length prefix of a frame starting at {@code at}, as an unsigned number. */
    public static long lengthPrefix(byte[] bytes, int at) {
        return getInt(bytes, at) & 0xFFFFFFFFL;
    }

    /** The request id of a whole frame (length prefix included). */
    public static int requestId(byte[] frame) {
        return getInt(frame, LENGTH_BYTES);
    }

    /** Encodes the frame with its length prefix. */
    public byte[] encode() {
        int length = 5 + payload.length;
        byte[] out = new byte[4 + length];
        putInt(out, 0, length);
        putInt(out, 4, requestId);
        out[8] = (byte) (error ? 1 : 0);
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        return out;
    }

    /**
     * Parses one whole frame, length prefix included.
     * @throws ZeroFrameException if the length prefix is below 5 or does not match the bytes given
     */
    public static TcpFrame parse(byte[] frame) {
        if (frame.length < HEADER_LENGTH) {
            throw new ZeroFrameException("TCP frame of " + frame.length + " bytes is shorter than its 9-byte header");
        }
        long length = getInt(frame, 0) & 0xFFFFFFFFL;
        if (length < 5 || length != frame.length - 4) {
            throw new ZeroFrameException("TCP frame length prefix " + length + " does not match " + (frame.length - 4)
                    + " bytes after it");
        }
        byte[] payload = new byte[frame.length - HEADER_LENGTH];
        System.arraycopy(frame, HEADER_LENGTH, payload, 0, payload.length);
        return new TcpFrame(getInt(frame, 4), checkFlag(frame[8]), payload);
    }

    /**
     * Reads one frame from a stream.
     * @param maxPayload the largest payload accepted, in bytes
     * @throws ZeroFrameException if the length prefix is below 5 or over the limit
     * @throws EOFException if the stream ends before or inside a frame
     */
    public static TcpFrame read(InputStream in, int maxPayload) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        long length = data.readInt() & 0xFFFFFFFFL;
        if (length < 5) {
            throw new ZeroFrameException("TCP frame length prefix " + length + " is below the minimum of 5");
        }
        if (length - 5 > maxPayload) {
            throw new ZeroFrameException("TCP frame payload of " + (length - 5) + " bytes exceeds the limit of "
                    + maxPayload);
        }
        int requestId = data.readInt();
        boolean error = checkFlag(data.readByte());
        byte[] payload = new byte[(int) (length - 5)];
        data.readFully(payload);
        return new TcpFrame(requestId, error, payload);
    }

    private static boolean checkFlag(byte flag) {
        if (flag != 0 && flag != 1) {
            throw new ZeroFrameException("TCP frame error flag must be 0 or 1, got " + (flag & 0xFF));
        }
        return flag == 1;
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    private static int getInt(byte[] in, int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }
}
