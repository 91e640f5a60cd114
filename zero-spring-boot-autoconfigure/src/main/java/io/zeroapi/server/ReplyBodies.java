package io.zeroapi.server;

import java.util.Collections;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.ZeroErrors;

/**
 * Encodes the bodies the server answers with: values, and Zero's error maps with Zero's texts. Constant bodies
 * are encoded once; they are only ever copied into reply frames, never sent themselves.
 */
final class ReplyBodies {

    private final ZeroCodec codec;

    private final byte[] connected;

    private final byte[] generic;

    private final byte[] shuttingDown;

    ReplyBodies(ZeroCodec codec) {
        this.codec = codec;
        this.connected = codec.encode("connected");
        this.generic = error(ZeroErrors.SERVER_EXCEPTION, ZeroErrors.GENERIC_SERVER_ERROR);
        this.shuttingDown = error(ZeroErrors.SERVER_EXCEPTION, "server is shutting down");
    }

    ZeroCodec codec() {
        return codec;
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
        return error(ZeroErrors.SERVER_EXCEPTION, "server busy: " + inFlight + " requests in flight, retry later");
    }

    byte[] notFound(String function) {
        return error(ZeroErrors.FUNCTION_NOT_FOUND, ZeroErrors.functionNotFound(function));
    }

    byte[] validation(String message) {
        return error(ZeroErrors.VALIDATION_ERROR, message);
    }

    byte[] handlerFailed(Throwable ex) {
        return error(ZeroErrors.SERVER_EXCEPTION, PythonRepr.exception(ex));
    }

    byte[] contractFailed(String message) {
        return error(ZeroErrors.FAILED_TO_GENERATE_CLIENT_CODE, message);
    }

    byte[] error(String key, String text) {
        return codec.encode(Collections.singletonMap(key, text));
    }
}
