package io.zeroapi.testing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Msgpack values made to hurt a decoder, shared by the hostile-input tests of both transports.
 */
public final class HostileMsgpack {

    private static final int DEPTH = 100_000;

    private HostileMsgpack() {
    }

    /** A string, binary, array, map or ext header claiming about 2 or 4 GB, followed by 16 bytes only. */
    public static byte[] hugeDeclaredLength(Random random) {
        int type = new int[] { 0xdb, 0xc6, 0xdd, 0xdf, 0xc9 }[random.nextInt(5)];
        int claimed = random.nextBoolean() ? 0xFFFFFFFF : 0x7FFFFFF0 + random.nextInt(16);
        ByteBuffer value = ByteBuffer.allocate(5 + 16).put((byte) type).putInt(claimed);
        while (value.hasRemaining()) {
            value.put((byte) random.nextInt(0x80));
        }
        return value.array();
    }

    /** 100,000 nested one-element arrays (or maps) around a nil. */
    public static byte[] deepNesting(Random random) {
        byte[] nested = new byte[DEPTH + 1];
        Arrays.fill(nested, 0, DEPTH, random.nextBoolean() ? (byte) 0x91 : (byte) 0x81);
        if (nested[0] == (byte) 0x81) {
            for (int i = 0; i < DEPTH; i += 2) {
                nested[i + 1] = 0x01;
            }
        }
        nested[DEPTH] = (byte) 0xc0;
        return nested;
    }
}
