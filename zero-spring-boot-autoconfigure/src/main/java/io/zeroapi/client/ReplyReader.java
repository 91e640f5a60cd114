package io.zeroapi.client;

import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.zeroapi.ZeroException;
import io.zeroapi.ZeroMethodNotFoundException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroServerBusyException;
import io.zeroapi.ZeroValidationException;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.codec.ZeroCodecException;
import io.zeroapi.frame.ZeroErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * Turns the body of a reply frame into the caller's value, as Zero's client does: a map holding a truthy
 * {@code __zerror__function_not_found}, {@code __zerror__server_exception} or
 * {@code __zerror__validation_error} (checked in that order) is raised as the matching exception; anything
 * else, {@code __zerror__failed_to_generate_client_code} included, is a value, decoded generically when no
 * return type was asked for and strictly otherwise. A nil reply (a Python handler returning {@code None}, a Java
 * {@code void} or empty {@code Mono}) is {@code null} for any reference type and {@code Optional.empty()} for
 * {@code Optional}; only a primitive return type refuses it.
 */
final class ReplyReader {

    private static final byte NIL = (byte) 0xc0;

    private static final byte[] ERROR_PREFIX = ZeroErrors.PREFIX.getBytes(StandardCharsets.US_ASCII);

    private final ZeroCodec codec;

    ReplyReader(ZeroCodec codec) {
        this.codec = codec;
    }

    /**
     * Reads the reply body, which runs from {@code offset} to the end of {@code frame}, for a call of {@code rpc}.
     * @param type the return type, or {@code null} to decode generically
     */
    @Nullable Object read(byte[] frame, int offset, @Nullable Type type, String rpc, String address) {
        int length = frame.length - offset;
        try {
            Object generic = null;
            boolean decoded = false;
            if (isMap(frame, offset, length) && contains(frame, offset, ERROR_PREFIX)) {
                generic = codec.decode(frame, offset, length);
                decoded = true;
                if (generic instanceof Map<?, ?> map) {
                    raiseIfError(map, rpc, address);
                }
            }
            if (type == null) {
                return decoded ? generic : codec.decode(frame, offset, length);
            }
            if (length == 1 && frame[offset] == NIL) {
                Class<?> raw = ResolvableType.forType(type).toClass();
                if (!raw.isPrimitive()) {
                    return raw == Optional.class ? Optional.empty() : null;
                }
            }
            return codec.decode(frame, offset, length, type);
        }
        catch (ZeroCodecException ex) {
            String problem = (ex.isMalformed() || type == null) ? "malformed reply"
                    : "reply does not fit " + type.getTypeName();
            throw new ZeroException(rpc + " at " + address + ": " + problem + ": " + ex.getMessage(), ex);
        }
    }

    private static void raiseIfError(Map<?, ?> map, String rpc, String address) {
        Object notFound = map.get(ZeroErrors.FUNCTION_NOT_FOUND);
        if (isTruthy(notFound)) {
            throw new ZeroMethodNotFoundException(rpc, address, String.valueOf(notFound));
        }
        Object serverException = map.get(ZeroErrors.SERVER_EXCEPTION);
        if (isTruthy(serverException)) {
            String text = String.valueOf(serverException);
            if (text.startsWith(ZeroErrors.SERVER_BUSY_PREFIX)) {
                throw new ZeroServerBusyException(rpc, address, text);
            }
            throw new ZeroRemoteException(rpc, address, text);
        }
        Object validation = map.get(ZeroErrors.VALIDATION_ERROR);
        if (isTruthy(validation)) {
            throw new ZeroValidationException(rpc, address, String.valueOf(validation));
        }
    }

    /** Python's truth value of a generically decoded msgpack value. */
    static boolean isTruthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof BigInteger big) {
            return big.signum() != 0;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0.0;
        }
        if (value instanceof CharSequence text) {
            return !text.isEmpty();
        }
        if (value instanceof byte[] bytes) {
            return bytes.length > 0;
        }
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }

    private static boolean isMap(byte[] frame, int offset, int length) {
        if (length <= 0) {
            return false;
        }
        int marker = frame[offset] & 0xFF;
        return (marker >= 0x80 && marker <= 0x8F) || marker == 0xDE || marker == 0xDF;
    }

    private static boolean contains(byte[] frame, int offset, byte[] needle) {
        int last = frame.length - needle.length;
        outer:
        for (int i = offset; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (frame[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
