package io.zeroapi.server;

import io.zeroapi.codec.ZeroCodec;

/**
 * What every call of one transport shares: the codec of arguments and results, Zero's reply bodies, the
 * transport's framing and reply channel, and the rate-limited log. One per transport, so a call holds one
 * reference instead of five.
 */
record CallContext(ZeroCodec codec, ReplyBodies bodies, ReplyFraming framing, ReplyChannel replies,
        RateLimitedLog log) {

    /** The reply to {@code peer}'s request {@code id}, framed for the wire. */
    Reply reply(Peer peer, byte[] id, byte[] body, boolean error, Invocation call) {
        return new Reply(peer, framing.frame(id, body, error), call);
    }
}
