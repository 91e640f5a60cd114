package io.zeroapi.client;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A 16-byte Zero request id held as two longs, used as the key of pending calls.
 */
record RequestId(long high, long low) {

    static RequestId random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new RequestId(random.nextLong(), random.nextLong());
    }

    /** Reads the id from the first 16 bytes of a frame. */
    static RequestId of(byte[] frame) {
        return new RequestId(readLong(frame, 0), readLong(frame, 8));
    }

    byte[] toBytes() {
        byte[] bytes = new byte[16];
        writeLong(bytes, 0, high);
        writeLong(bytes, 8, low);
        return bytes;
    }

    private static long readLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    private static void writeLong(byte[] bytes, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }
}
