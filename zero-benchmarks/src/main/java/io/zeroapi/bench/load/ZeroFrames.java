package io.zeroapi.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds Zero request frames: a 16-byte request id (a sequence number in the first 8 bytes, random bytes after
 * it), the function name space-padded to 80 bytes, then the msgpack argument. Every call gets a new array,
 * since JeroMQ sends arrays without copying them.
 */
public final class ZeroFrames {

    /** Length of the request id. */
    public static final int ID_LENGTH = 16;

    private static final int NAME_LENGTH = 80;

    private final byte[] template;

    /** Creates frames calling {@code function} with the msgpack {@code payload}. */
    public ZeroFrames(String function, byte[] payload) {
        byte[] name = function.getBytes(StandardCharsets.UTF_8);
        template = new byte[ID_LENGTH + NAME_LENGTH + payload.length];
        byte[] random = new byte[ID_LENGTH];
        ThreadLocalRandom.current().nextBytes(random);
        System.arraycopy(random, 0, template, 0, ID_LENGTH);
        Arrays.fill(template, ID_LENGTH, ID_LENGTH + NAME_LENGTH, (byte) ' ');
        System.arraycopy(name, 0, template, ID_LENGTH, name.length);
        System.arraycopy(payload, 0, template, ID_LENGTH + NAME_LENGTH, payload.length);
    }

    /** A new frame carrying {@code sequence} in its request id. */
    public byte[] frame(long sequence) {
        byte[] frame = template.clone();
        ByteBuffer.wrap(frame).putLong(0, sequence);
        return frame;
    }

    /** The sequence number carried by a reply, or -1 for a reply too short to carry one. */
    public static long sequenceOf(byte[] reply) {
        return reply != null && reply.length >= ID_LENGTH ? ByteBuffer.wrap(reply).getLong(0) : -1;
    }

}
