package io.zeroapi.frame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.codec.ZeroCodecException;
import org.jspecify.annotations.Nullable;

/**
 * A request of Zero's TCP protocol as the server reads it: a whole {@link TcpFrame} (length prefix included) whose
 * payload is the map {@code {"fn": name, "data": argument}}. The argument is not copied: it is
 * {@link #payloadLength()} bytes of {@link #frame()} at {@link #payloadOffset()}; a nil or missing {@code data} is no
 * argument, as an empty ZeroMQ payload is. Other keys are ignored; of a repeated key the last counts (Python's
 * {@code dict}).
 * <p>
 * As Zero's TCP worker: a payload that is not one well-formed msgpack value is {@linkplain #parse refused} (the
 * server closes the connection); one that is not a map, or has no non-empty string {@code fn}, parses with a
 * {@link #problem()} the server answers with ({@value #NOT_A_MAP}, {@value #MISSING_FUNCTION}).
 *
 * @param id the 4 request id bytes, copied into the reply
 * @param function the function name, empty when there is a {@link #problem()}
 * @param frame the whole frame as received
 * @param payloadOffset where the argument starts in {@code frame}
 * @param payloadLength the argument's bytes, 0 for none
 * @param problem the text of the server exception the request gets instead of a call, or {@code null}
 */
public record TcpRequest(byte[] id, String function, byte[] frame, int payloadOffset, int payloadLength,
        @Nullable String problem) implements ZeroRequest {

    /** Zero's answer to a payload that is not a map. */
    public static final String NOT_A_MAP = "Request must be a dict";

    /** Zero's answer to a map without a function name. */
    public static final String MISSING_FUNCTION = "Missing function name";

    private static final byte[] FN = { 'f', 'n' };

    private static final byte[] DATA = { 'd', 'a', 't', 'a' };

    /**
     * Parses a whole frame (length prefix included, as checked by the reader).
     * @throws ZeroFrameException if the payload is not exactly one well-formed msgpack value
     */
    public static TcpRequest parse(byte[] frame) {
        int start = TcpFrame.HEADER_LENGTH;
        int end = frame.length;
        byte[] id = Arrays.copyOfRange(frame, TcpFrame.LENGTH_BYTES, TcpFrame.LENGTH_BYTES + TcpFrame.ID_LENGTH);
        try {
            ZeroCodec.checkWellFormed(frame, start, end - start);
        }
        catch (ZeroCodecException ex) {
            throw new ZeroFrameException("TCP request payload is not msgpack: " + ex.getMessage(), ex);
        }
        MsgpackCursor cursor = new MsgpackCursor(frame, start);
        long entries = cursor.mapHeader();
        if (entries < 0) {
            return new TcpRequest(id, "", frame, end, 0, NOT_A_MAP);
        }
        String function = null;
        int dataStart = end;
        int dataEnd = end;
        for (long i = 0; i < entries; i++) {
            int keyStart = cursor.position();
            int keyLength = cursor.strLength();
            int keyBytes = cursor.position();
            cursor.position(keyStart);
            cursor.skip();
            int valueStart = cursor.position();
            cursor.skip();
            int valueEnd = cursor.position();
            if (matches(frame, keyBytes, keyLength, FN)) {
                cursor.position(valueStart);
                int nameLength = cursor.strLength();
                function = nameLength < 0 ? null
                        : new String(frame, cursor.position(), nameLength, StandardCharsets.UTF_8);
                cursor.position(valueEnd);
            }
            else if (matches(frame, keyBytes, keyLength, DATA)) {
                dataStart = valueStart;
                dataEnd = valueEnd;
            }
        }
        if (function == null || function.isEmpty()) {
            return new TcpRequest(id, "", frame, end, 0, MISSING_FUNCTION);
        }
        if (ZeroCodec.isNil(frame, dataStart, dataEnd - dataStart)) {
            dataStart = dataEnd;
        }
        return new TcpRequest(id, function, frame, dataStart, dataEnd - dataStart, null);
    }

    private static boolean matches(byte[] frame, int at, int length, byte[] key) {
        return length == key.length && Arrays.equals(frame, at, at + length, key, 0, key.length);
    }
}
