package io.zeroapi.codec;

import java.io.IOException;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * A parser wrapper that keeps reading msgpack strict: ints and longs out of their Java range are refused as msgspec
 * refuses them, and {@link #getText()} answers for tokens the msgpack parser cannot render (booleans, nil,
 * container starts), so Jackson's "unexpected token" handling produces a type mismatch instead of a
 * {@code NullPointerException} from inside the msgpack parser.
 */
final class StrictMsgpackParser extends JsonParserDelegate {

    StrictMsgpackParser(JsonParser delegate) {
        super(delegate);
    }

    @Override
    public int getIntValue() throws IOException {
        NumberType type = delegate.getNumberType();
        if (type == NumberType.LONG || type == NumberType.BIG_INTEGER) {
            BigInteger value = delegate.getBigIntegerValue();
            if (value.bitLength() > 31) {
                throw outOfRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
        }
        return delegate.getIntValue();
    }

    @Override
    public long getLongValue() throws IOException {
        if (delegate.getNumberType() == NumberType.BIG_INTEGER) {
            BigInteger value = delegate.getBigIntegerValue();
            if (value.bitLength() > 63) {
                throw outOfRange(value, Long.MIN_VALUE, Long.MAX_VALUE);
            }
        }
        return delegate.getLongValue();
    }

    private ZeroMismatch outOfRange(BigInteger value, long min, long max) {
        String bound = value.signum() > 0 ? "<= " + max : ">= " + min;
        return ZeroMismatch.of(this, "Expected `int` " + bound);
    }

    @Override
    public String getText() throws IOException {
        JsonToken token = currentToken();
        if (token == null) {
            return null;
        }
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_EMBEDDED_OBJECT, FIELD_NAME -> delegate.getText();
            default -> token.asString();
        };
    }
}
