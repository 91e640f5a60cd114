package io.zeroapi.codec;

import java.io.IOException;
import java.math.BigInteger;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;

/**
 * The key of an integer-keyed map ({@code Map<Long, V>}, {@code Map<Integer, V>}, ...) as msgspec reads a
 * {@code Dict[int, V]} key: only a msgpack int within the type's range, so a string key {@code "1"} fails with
 * {@code Expected `int`, got `str` - at `key` in `$`}.
 */
final class IntegerKeyDeserializer extends KeyDeserializer {

    static final IntegerKeyDeserializer LONG = of(Long.MIN_VALUE, Long.MAX_VALUE, BigInteger::longValue);

    static final IntegerKeyDeserializer INTEGER = of(Integer.MIN_VALUE, Integer.MAX_VALUE, BigInteger::intValue);

    static final IntegerKeyDeserializer SHORT = of(Short.MIN_VALUE, Short.MAX_VALUE, BigInteger::shortValue);

    static final IntegerKeyDeserializer BYTE = of(Byte.MIN_VALUE, Byte.MAX_VALUE, BigInteger::byteValue);

    static final IntegerKeyDeserializer BIG_INTEGER = new IntegerKeyDeserializer(null, null, value -> value);

    private final BigInteger min;

    private final BigInteger max;

    private final Function<BigInteger, Object> narrow;

    private IntegerKeyDeserializer(BigInteger min, BigInteger max, Function<BigInteger, Object> narrow) {
        this.min = min;
        this.max = max;
        this.narrow = narrow;
    }

    private static IntegerKeyDeserializer of(long min, long max, Function<BigInteger, Object> narrow) {
        return new IntegerKeyDeserializer(BigInteger.valueOf(min), BigInteger.valueOf(max), narrow);
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
        JsonParser p = ctxt.getParser();
        String kind = HeaderAwareParser.keyKind(p);
        if (kind != null && !kind.equals("int")) {
            throw ZeroMismatch.atKey(p, "Expected `int`, got `" + kind + "`");
        }
        BigInteger value;
        try {
            value = new BigInteger(key);
        }
        catch (NumberFormatException ex) {
            throw ZeroMismatch.atKey(p, "Expected `int`, got `str`");
        }
        if (max != null && value.compareTo(max) > 0) {
            throw ZeroMismatch.atKey(p, "Expected `int` <= " + max);
        }
        if (min != null && value.compareTo(min) < 0) {
            throw ZeroMismatch.atKey(p, "Expected `int` >= " + min);
        }
        return narrow.apply(value);
    }
}
