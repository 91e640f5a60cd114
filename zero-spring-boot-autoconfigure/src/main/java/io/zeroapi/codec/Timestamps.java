package io.zeroapi.codec;

import java.time.Instant;

/**
 * The msgpack timestamp extension (type -1) in the smallest of its 4, 8 and 12-byte forms, as msgspec
 * writes it.
 */
final class Timestamps {

    static final byte EXT_TYPE = -1;

    private Timestamps() {
    }

    static byte[] encode(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        if ((seconds >>> 34) == 0) {
            if (nanos == 0 && (seconds >>> 32) == 0) {
                byte[] out = new byte[4];
                putInt(out, 0, (int) seconds);
                return out;
            }
            long packed = ((long) nanos << 34) | seconds;
            byte[] out = new byte[8];
            putLong(out, 0, packed);
            return out;
        }
        byte[] out = new byte[12];
        putInt(out, 0, nanos);
        putLong(out, 4, seconds);
        return out;
    }

    static Instant decode(byte[] data) {
        switch (data.length) {
            case 4:
                return Instant.ofEpochSecond(getInt(data, 0) & 0xFFFFFFFFL);
            case 8: {
                long packed = getLong(data, 0);
                return Instant.ofEpochSecond(packed & 0x3FFFFFFFFL, packed >>> 34);
            }
            case 12:
                return Instant.ofEpochSecond(getLong(data, 4), getInt(data, 0) & 0xFFFFFFFFL);
            default:
                throw new IllegalArgumentException("Invalid timestamp extension of " + data.length + " bytes");
        }
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    private static void putLong(byte[] out, int at, long value) {
        putInt(out, at, (int) (value >>> 32));
        putInt(out, at + 4, (int) value);
    }

    private static int getInt(byte[] in, int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }

    private static long getLong(byte[] in, int at) {
        return ((long) getInt(in, at) << 32) | (getInt(in, at + 4) & 0xFFFFFFFFL);
    }
}
