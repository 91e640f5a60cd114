package io.zeroapi.codec;

import java.math.BigInteger;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ReferenceType;

/**
 * Refuses what msgspec refuses where Jackson would bend: tuples ({@code @JsonFormat(shape = ARRAY)} types) of the
 * wrong length, integer map keys that are not msgpack ints, enum values of the wrong kind, and words an
 * {@code Optional}'s mismatch as msgspec's {@code T | null}.
 */
final class ZeroStrictnessModule extends SimpleModule {

    ZeroStrictnessModule() {
        super("zero-strictness");
        addKeyDeserializer(Long.class, IntegerKeyDeserializer.LONG);
        addKeyDeserializer(Integer.class, IntegerKeyDeserializer.INTEGER);
        addKeyDeserializer(Short.class, IntegerKeyDeserializer.SHORT);
        addKeyDeserializer(Byte.class, IntegerKeyDeserializer.BYTE);
        addKeyDeserializer(BigInteger.class, IntegerKeyDeserializer.BIG_INTEGER);
        setDeserializerModifier(new Strictness());
    }

    private static final class Strictness extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return deserializer instanceof BeanDeserializerBase && TupleDeserializer.isDeclared(description.getBeanClass())
                    ? new TupleDeserializer(deserializer) : deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyReferenceDeserializer(DeserializationConfig config, ReferenceType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return new OrNullDeserializer(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return new StrictEnumDeserializer(deserializer);
        }
    }
}
