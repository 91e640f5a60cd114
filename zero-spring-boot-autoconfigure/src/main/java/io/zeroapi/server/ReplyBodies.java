package io.zeroapi.server;

import java.time.Duration;
import java.util.Collections;

import io.zeroapi.codec.PythonRepr;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.ZeroErrors;

/**
 * Encodes the bodies the server answers with: values, and Zero's error maps with Zero's texts. Constant bodies
 * are encoded once; they are only ever copied into reply frames, never sent themselves. Text a caller controls is
 * cut to {@link LogText#MAX_LENGTH} characters before it is echoed.
 */
final class ReplyBodies {

    private final ZeroCodec codec;

    private final long maxReplySize;

    private final byte[] connected;

    private final byte[] generic;

    private final byte[] shuttingDown;

    ReplyBodies(ZeroCodec codec, long maxReplySize) {
        this.codec = codec;
        this.maxReplySize = maxReplySize < 0 ? Long.MAX_VALUE : maxReplySize;
        this.connected = codec.encode("connected");
        this.generic = error(ZeroErrors.SERVER_EXCEPTION, ZeroErrors.GENERIC_SERVER_ERROR);
        this.shuttingDown = error(ZeroErrors.SERVER_EXCEPTION, ZeroErrors.SHUTTING_DOWN);
    }

    /** Largest reply body a handler may produce, in bytes. */
    long maxReplySize() {
        return maxReplySize;
    }

    byte[] connected() {
        return connected;
    }

    /** Zero's text for anything failing outside a handler. */
    byte[] generic() {
        return generic;
    }

    byte[] shuttingDown() {
        return shuttingDown;
    }

    byte[] busy(int inFlight) {
        return error(ZeroErrors.SERVER_EXCEPTION,
                ZeroErrors.SERVER_BUSY_PREFIX + inFlight + " requests in flight, retry later");
    }

    byte[] peerBusy(int outstanding) {
        return error(ZeroErrors.SERVER_EXCEPTION, ZeroErrors.SERVER_BUSY_PREFIX + outstanding
                + " requests in flight from this connection, retry later");
    }

    byte[] timedOut(String function, Duration timeout) {
        return error(ZeroErrors.SERVER_EXCEPTION, "call to '" + function + "' did not complete within the server's "
                + "call timeout of " + timeout.toMillis() + " ms");
    }

    byte[] replyTooLarge(int size) {
        return error(ZeroErrors.SERVER_EXCEPTION, "reply of " + size + " bytes is over the server's limit of "
                + maxReplySize + " bytes");
    }

    byte[] notFound(String function) {
        return error(ZeroErrors.FUNCTION_NOT_FOUND, ZeroErrors.functionNotFound(LogText.truncate(function)));
    }

    byte[] validation(String message) {
        return error(ZeroErrors.VALIDATION_ERROR, LogText.truncate(message));
    }

    byte[] noArgument(String function, int payloadLength) {
        return error(ZeroErrors.VALIDATION_ERROR, "Function `" + function + "` takes no argument, got a payload of "
                + payloadLength + " bytes");
    }

    byte[] handlerFailed(Throwable ex) {
        return error(ZeroErrors.SERVER_EXCEPTION, LogText.truncate(PythonRepr.exception(ex)));
    }

    byte[] contractFailed(String message) {
        return error(ZeroErrors.FAILED_TO_GENERATE_CLIENT_CODE, LogText.truncate(message));
    }

    byte[] error(String key, String text) {
        return codec.encode(Collections.singletonMap(key, text));
    }
}
