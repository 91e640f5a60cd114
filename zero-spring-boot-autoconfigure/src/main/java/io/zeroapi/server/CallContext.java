package io.zeroapi.server;

import io.zeroapi.codec.ZeroCodec;
import org.jspecify.annotations.Nullable;

/**
 * What every call of one transport shares: the codec of arguments and results, Zero's reply bodies, the
 * transport's framing and reply channel, the rate-limited log and the interceptors ({@code null} when there are
 * none). One per transport, so a call holds one reference instead of six.
 */
record CallContext(ZeroCodec codec, ReplyBodies bodies, ReplyFraming framing, ReplyChannel replies,
        RateLimitedLog log, @Nullable InterceptorChain interceptors) {

    /** The reply to {@code peer}'s request {@code id}, framed for the wire. */
    Reply reply(Peer peer, byte[] id, byte[] body, boolean error, @Nullable Invocation call) {
        return new Reply(peer, framing.frame(id, body, error), call);
    }
}
