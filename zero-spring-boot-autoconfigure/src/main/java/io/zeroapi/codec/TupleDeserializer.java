package io.zeroapi.codec;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.impl.BeanAsArrayBuilderDeserializer;
import com.fasterxml.jackson.databind.deser.impl.BeanAsArrayDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * A record or POJO declared {@code @JsonFormat(shape = ARRAY)} read as msgspec reads a {@code Tuple[A, B]}: only
 * an array of exactly its property count ({@code Expected `array` of length 2, got 3}), and a failing element is
 * named by its index ({@code $[1]}).
 */
final class TupleDeserializer extends DelegatingDeserializer {

    private final int length;

    TupleDeserializer(JsonDeserializer<?> delegatee) {
        super(delegatee);
        this.length = delegatee instanceof BeanAsArrayDeserializer || delegatee instanceof BeanAsArrayBuilderDeserializer
                ? ((BeanDeserializerBase) delegatee).getPropertyCount() : -1;
    }

    /**
     * Whether {@code type} declares the array shape, which makes it a tuple on the wire.
     */
    static boolean isDeclared(Class<?> type) {
        JsonFormat format = type.getAnnotation(JsonFormat.class);
        return format != null && format.shape() == JsonFormat.Shape.ARRAY;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new TupleDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (length < 0) {
            return _delegatee.deserialize(p, ctxt);
        }
        if (!p.isExpectedStartArrayToken()) {
            throw ZeroMismatch.of(p, "Expected `array`, got `" + ZeroMismatch.kindOf(p) + "`");
        }
        long declared = HeaderAwareParser.arrayLength(p);
        if (declared >= 0 && declared != length) {
            throw ZeroMismatch.of(p, "Expected `array` of length " + length + ", got " + declared);
        }
        JsonStreamContext tuple = p.getParsingContext();
        try {
            return _delegatee.deserialize(p, ctxt);
        }
        catch (JsonMappingException ex) {
            if (isWithin(p.getParsingContext(), tuple)) {
                ex.prependPath(new Reference(handledType(), tuple.getCurrentIndex()));
            }
            throw ex;
        }
    }

    private static boolean isWithin(JsonStreamContext context, JsonStreamContext tuple) {
        for (JsonStreamContext current = context; current != null; current = current.getParent()) {
            if (current == tuple) {
                return true;
            }
        }
        return false;
    }
}
