package io.zeroapi.codec;

/**
 * A bounds check of raw msgpack before any object is built: exactly one value, no reserved byte {@code c1},
 * no declared length beyond the bytes at hand, no nesting deeper than a limit. It allocates nothing, so hostile
 * input (a str32 claiming gigabytes, 100,000 nested arrays) is refused before it can exhaust memory or stack.
 */
final class MsgpackStructure {

    private MsgpackStructure() {
    }

    static void check(byte[] bytes, int offset, int length, int maxDepth) {
        int end = offset + length;
        int pos = offset;
        long[] pending = new long[Math.min(maxDepth, 8) + 1];
        int depth = 0;
        pending[0] = 1;
        while (true) {
            while (pending[depth] == 0) {
                if (depth == 0) {
                    if (pos != end) {
                        throw malformed("trailing bytes after the value at offset " + (pos - offset));
                    }
                    return;
                }
                depth--;
            }
            pending[depth]--;
            if (pos >= end) {
                throw malformed("input ends inside a value");
            }
            int b = bytes[pos++] & 0xFF;
            long skip;
            long children = -1;
            if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3) {
                skip = 0;
            }
            else if (b >= 0xa0 && b <= 0xbf) {
                skip = b & 0x1f;
            }
            else if (b >= 0x90 && b <= 0x9f) {
                skip = 0;
                children = b & 0x0f;
            }
            else if (b >= 0x80 && b <= 0x8f) {
                skip = 0;
                children = 2L * (b & 0x0f);
            }
            else {
                switch (b) {
                    case 0xc4, 0xd9 -> skip = readLength(bytes, pos, end, 1);
                    case 0xc5, 0xda -> skip = readLength(bytes, pos, end, 2);
                    case 0xc6, 0xdb -> skip = readLength(bytes, pos, end, 4);
                    case 0xc7 -> skip = 1 + readLength(bytes, pos, end, 1);
                    case 0xc8 -> skip = 1 + readLength(bytes, pos, end, 2);
                    case 0xc9 -> skip = 1 + readLength(bytes, pos, end, 4);
                    case 0xca -> skip = 4;
                    case 0xcb -> skip = 8;
                    case 0xcc, 0xd0 -> skip = 1;
                    case 0xcd, 0xd1 -> skip = 2;
                    case 0xce, 0xd2 -> skip = 4;
                    case 0xcf, 0xd3 -> skip = 8;
                    case 0xd4 -> skip = 2;
                    case 0xd5 -> skip = 3;
                    case 0xd6 -> skip = 5;
                    case 0xd7 -> skip = 9;
                    case 0xd8 -> skip = 17;
                    case 0xdc -> {
                        children = readLength(bytes, pos, end, 2);
                        skip = 2;
                    }
                    case 0xdd -> {
                        children = readLength(bytes, pos, end, 4);
                        skip = 4;
                    }
                    case 0xde -> {
                        children = 2 * readLength(bytes, pos, end, 2);
                        skip = 2;
                    }
                    case 0xdf -> {
                        children = 2 * readLength(bytes, pos, end, 4);
                        skip = 4;
                    }
                    default -> throw malformed(String.format("invalid msgpack byte 0x%02x at offset %d", b, pos - 1 - offset));
                }
                int headerBytes = switch (b) {
                    case 0xc4, 0xd9, 0xc7 -> 1;
                    case 0xc5, 0xda, 0xc8 -> 2;
                    case 0xc6, 0xdb, 0xc9 -> 4;
                    default -> 0;
                };
                skip += headerBytes;
            }
            if (skip > end - pos) {
                throw malformed("declared length exceeds the " + (end - pos) + " bytes left at offset " + (pos - offset));
            }
            if ((b >= 0xa0 && b <= 0xbf) || b == 0xd9 || b == 0xda || b == 0xdb) {
                int header = b >= 0xd9 ? 1 << (b - 0xd9) : 0;
                if (!isUtf8(bytes, pos + header, pos + (int) skip)) {
                    throw malformed("invalid UTF-8 in a str at offset " + (pos - 1 - offset));
                }
            }
            pos += (int) skip;
            if (children > 0) {
                if (children > end - pos) {
                    throw malformed("declared " + children + " elements but only " + (end - pos) + " bytes left");
                }
                if (depth + 1 >= maxDepth) {
                    throw malformed("nesting deeper than " + maxDepth + " levels");
                }
                depth++;
                if (depth == pending.length) {
                    pending = java.util.Arrays.copyOf(pending, Math.min(maxDepth + 1, pending.length * 2));
                }
                pending[depth] = children;
            }
        }
    }

    /**
     * Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
     */
    static boolean isUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            int max;
            if (b >= 0xC2 && b <= 0xDF) {
                extra = 1;
                min = 0x80;
                max = 0xBF;
            }
            else if (b >= 0xE0 && b <= 0xEF) {
                extra = 2;
                min = b == 0xE0 ? 0xA0 : 0x80;
                max = b == 0xED ? 0x9F : 0xBF;
            }
            else if (b >= 0xF0 && b <= 0xF4) {
                extra = 3;
                min = b == 0xF0 ? 0x90 : 0x80;
                max = b == 0xF4 ? 0x8F : 0xBF;
            }
            else {
                return false;
            }
            if (to - i <= extra) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k <= extra; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += extra + 1;
        }
        return true;
    }

    private static long readLength(byte[] bytes, int pos, int end, int width) {
        if (end - pos < width) {
            throw malformed("input ends inside a length header");
        }
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (bytes[pos + i] & 0xFF);
        }
        return value;
    }

    private static ZeroCodecException malformed(String detail) {
        return ZeroCodecException.malformed("Malformed msgpack: " + detail, null);
    }
}
