package io.zeroapi.codec;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * An {@code Optional<T>} whose own value has the wrong kind fails as msgspec words {@code Optional[T]}, a union
 * with {@code None}: {@code Expected `int | null`, got `str`}. Failures further in (a field, an element, a key) keep
 * their wording and path.
 */
final class OrNullDeserializer extends DelegatingDeserializer {

    private static final Pattern KIND_MISMATCH = Pattern.compile("Expected `([^`]+)`, got `([^`]+)`");

    OrNullDeserializer(JsonDeserializer<?> delegatee) {
        super(delegatee);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new OrNullDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        try {
            return _delegatee.deserialize(p, ctxt);
        }
        catch (JsonMappingException ex) {
            if (!ex.getPath().isEmpty() || (ex instanceof ZeroMismatch zero && zero.isAtKey())) {
                throw ex;
            }
            Matcher mismatch = KIND_MISMATCH.matcher(MismatchMessages.baseMessage(ex));
            if (!mismatch.matches()) {
                throw ex;
            }
            throw ZeroMismatch.of(p, "Expected `" + mismatch.group(1) + " | null`, got `" + mismatch.group(2) + "`");
        }
    }
}
