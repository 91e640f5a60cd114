package io.zeroapi.testing;

import java.util.Arrays;

import io.zeroapi.frame.ZeroRequest;

/**
 * Reads parsed requests in tests.
 */
public final class Requests {

    private Requests() {
    }

    /** A copy of the argument bytes of {@code request}. */
    public static byte[] payload(ZeroRequest request) {
        return Arrays.copyOfRange(request.frame(), request.payloadOffset(),
                request.payloadOffset() + request.payloadLength());
    }
}
