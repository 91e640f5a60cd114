package io.zeroapi.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * A parser wrapper that reads the msgpack header of the current token from the source bytes, for what the msgpack
 * parser does not tell: the kind of a map key (it turns every key into a string) and the declared length of an
 * array before its elements are read.
 */
final class HeaderAwareParser extends JsonParserDelegate {

    private final byte[] bytes;

    private final int offset;

    private final int length;

    HeaderAwareParser(JsonParser delegate, byte[] bytes, int offset, int length) {
        super(delegate);
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /**
     * The msgspec kind ({@code int}, {@code str}, {@code float}, ...) of the map key {@code p} stands on, or
     * {@code null} when {@code p} does not read Zero's source bytes.
     */
    static String keyKind(JsonParser p) {
        int header = p instanceof HeaderAwareParser aware ? aware.header() : -1;
        return header < 0 ? null : kindOf(header);
    }

    /**
     * The declared element count of the array whose start {@code p} stands on, or -1 when unknown.
     */
    static long arrayLength(JsonParser p) {
        return p instanceof HeaderAwareParser aware ? aware.declaredArrayLength() : -1;
    }

    private long declaredArrayLength() {
        int header = header();
        if (header >= 0x90 && header <= 0x9f) {
            return header & 0x0f;
        }
        if (header == 0xdc || header == 0xdd) {
            int width = header == 0xdc ? 2 : 4;
            int at = position() + 1;
            if (at + width > offset + length) {
                return -1;
            }
            long value = 0;
            for (int i = 0; i < width; i++) {
                value = (value << 8) | (bytes[at + i] & 0xFF);
            }
            return value;
        }
        return -1;
    }

    private int header() {
        int at = position();
        return at >= offset && at < offset + length ? bytes[at] & 0xFF : -1;
    }

    private int position() {
        JsonLocation location = currentTokenLocation();
        long position = location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
        return position < 0 || position >= length ? -1 : offset + (int) position;
    }

    private static String kindOf(int header) {
        if (header <= 0x7f || header >= 0xe0 || (header >= 0xcc && header <= 0xd3)) {
            return "int";
        }
        if ((header >= 0xa0 && header <= 0xbf) || (header >= 0xd9 && header <= 0xdb)) {
            return "str";
        }
        if (header <= 0x8f || header == 0xde || header == 0xdf) {
            return "object";
        }
        if (header <= 0x9f || header == 0xdc || header == 0xdd) {
            return "array";
        }
        return switch (header) {
            case 0xc0 -> "null";
            case 0xc2, 0xc3 -> "bool";
            case 0xca, 0xcb -> "float";
            case 0xc4, 0xc5, 0xc6 -> "bytes";
            default -> "ext";
        };
    }
}
