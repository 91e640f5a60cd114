package io.zeroapi.testing;

import io.zeroapi.codec.ZeroCodec;

/**
 * The codec tests encode requests and decode replies with (the server's and the client's default).
 */
public final class Codecs {

    public static final ZeroCodec CODEC = new ZeroCodec();

    private Codecs() {
    }
}
