package io.zeroapi.frame;

/**
 * Walks msgpack that is already known to be well-formed ({@link io.zeroapi.codec.ZeroCodec#checkWellFormed}): reads a
 * map or str header, or skips a whole value, without building anything.
 */
final class MsgpackCursor {

    private final byte[] bytes;

    private int position;

    MsgpackCursor(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int position() {
        return position;
    }

    void position(int position) {
        this.position = position;
    }

    /** The entries of the map here, moving past its header; -1 (not moving) if the value is not a map. */
    long mapHeader() {
        int b = bytes[position] & 0xFF;
        if (b >= 0x80 && b <= 0x8f) {
            position++;
            return b & 0x0f;
        }
        if (b == 0xde || b == 0xdf) {
            int width = b == 0xde ? 2 : 4;
            long count = read(position + 1, width);
            position += 1 + width;
            return count;
        }
        return -1;
    }

    /** The bytes of the str here, moving to its first byte; -1 (not moving) if the value is not a str. */
    int strLength() {
        int b = bytes[position] & 0xFF;
        if (b >= 0xa0 && b <= 0xbf) {
            position++;
            return b & 0x1f;
        }
        if (b >= 0xd9 && b <= 0xdb) {
            int width = 1 << (b - 0xd9);
            int length = (int) read(position + 1, width);
            position += 1 + width;
            return length;
        }
        return -1;
    }

    /** Moves past the value here, nested values included. */
    void skip() {
        long left = 1;
        while (left > 0) {
            left--;
            int b = bytes[position++] & 0xFF;
            if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
                continue;
            }
            if (b >= 0xa0 && b <= 0xbf) {
                position += b & 0x1f;
            }
            else if (b >= 0x90 && b <= 0x9f) {
                left += b & 0x0f;
            }
            else if (b >= 0x80 && b <= 0x8f) {
                left += 2L * (b & 0x0f);
            }
            else {
                left += skipHeader(b);
            }
        }
    }

    /** Moves past the rest of a value of type byte {@code b}; returns the values nested in it. */
    private long skipHeader(int b) {
        switch (b) {
            case 0xc4, 0xd9 -> position += 1 + (int) read(position, 1);
            case 0xc5, 0xda -> position += 2 + (int) read(position, 2);
            case 0xc6, 0xdb -> position += 4 + (int) read(position, 4);
            case 0xc7 -> position += 2 + (int) read(position, 1);
            case 0xc8 -> position += 3 + (int) read(position, 2);
            case 0xc9 -> position += 5 + (int) read(position, 4);
            case 0xcc, 0xd0, 0xd4 -> position += b == 0xd4 ? 2 : 1;
            case 0xcd, 0xd1, 0xd5 -> position += b == 0xd5 ? 3 : 2;
            case 0xca, 0xce, 0xd2 -> position += 4;
            case 0xd6 -> position += 5;
            case 0xcb, 0xcf, 0xd3 -> position += 8;
            case 0xd7 -> position += 9;
            case 0xd8 -> position += 17;
            case 0xdc, 0xdd -> {
                int width = b == 0xdc ? 2 : 4;
                long count = read(position, width);
                position += width;
                return count;
            }
            case 0xde, 0xdf -> {
                int width = b == 0xde ? 2 : 4;
                long count = read(position, width);
                position += width;
                return 2 * count;
            }
            default -> throw new IllegalStateException("not well-formed msgpack: 0x" + Integer.toHexString(b));
        }
        return 0;
    }

    private long read(int at, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
