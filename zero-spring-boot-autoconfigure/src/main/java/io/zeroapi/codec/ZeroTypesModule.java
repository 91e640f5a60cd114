package io.zeroapi.codec;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.msgpack.jackson.dataformat.MessagePackExtensionType;
import org.msgpack.jackson.dataformat.MessagePackGenerator;
import org.msgpack.jackson.dataformat.MessagePackKeySerializer;

/**
 * Jackson serializers and deserializers for the types whose msgpack form Zero (msgspec) fixes: float64 for
 * every floating point number, the timestamp extension for instants, strings for naive date-times, dates,
 * times, UUIDs and decimals.
 */
final class ZeroTypesModule extends SimpleModule {

    ZeroTypesModule() {
        super("zero-types");
        addSerializer(Float.class, new LambdaSerializer<>(Float.class, (value, gen) -> gen.writeNumber(value.doubleValue())));
        addSerializer(float.class, new LambdaSerializer<>(Float.class, (value, gen) -> gen.writeNumber(value.doubleValue())));
        addSerializer(float[].class, new LambdaSerializer<>(float[].class, ZeroTypesModule::writeFloats));
        addSerializer(BigDecimal.class, new LambdaSerializer<>(BigDecimal.class, (value, gen) -> gen.writeString(value.toString())));
        addSerializer(UUID.class, new LambdaSerializer<>(UUID.class, (value, gen) -> gen.writeString(value.toString())));
        addSerializer(Instant.class, new LambdaSerializer<>(Instant.class, ZeroTypesModule::writeTimestamp));
        addSerializer(OffsetDateTime.class,
                new LambdaSerializer<>(OffsetDateTime.class, (value, gen) -> writeTimestamp(value.toInstant(), gen)));
        addSerializer(ZonedDateTime.class,
                new LambdaSerializer<>(ZonedDateTime.class, (value, gen) -> writeTimestamp(value.toInstant(), gen)));
        addSerializer(LocalDateTime.class, new LambdaSerializer<>(LocalDateTime.class,
                (value, gen) -> gen.writeString(value.toLocalDate() + "T" + formatTime(value.toLocalTime()))));
        addSerializer(LocalDate.class, new LambdaSerializer<>(LocalDate.class, (value, gen) -> gen.writeString(value.toString())));
        addSerializer(LocalTime.class, new LambdaSerializer<>(LocalTime.class, (value, gen) -> gen.writeString(formatTime(value))));
        addSerializer(OffsetTime.class, new LambdaSerializer<>(OffsetTime.class,
                (value, gen) -> gen.writeString(formatTime(value.toLocalTime()) + formatOffset(value.getOffset()))));

        addDeserializer(Instant.class, new InstantDeserializer<>(Instant.class, "datetime", Function.identity()));
        addDeserializer(OffsetDateTime.class,
                new InstantDeserializer<>(OffsetDateTime.class, "datetime", instant -> instant.atOffset(ZoneOffset.UTC)));
        addDeserializer(ZonedDateTime.class,
                new InstantDeserializer<>(ZonedDateTime.class, "datetime", instant -> instant.atZone(ZoneOffset.UTC)));
        addDeserializer(LocalDateTime.class, new NaiveDateTimeDeserializer());
        addDeserializer(LocalDate.class, new TextDeserializer<>(LocalDate.class, "date", LocalDate::parse));
        addDeserializer(LocalTime.class,
                new TextDeserializer<>(LocalTime.class, "time", LocalTime::parse, OffsetTime::parse, false));
        addDeserializer(OffsetTime.class,
                new TextDeserializer<>(OffsetTime.class, "time", OffsetTime::parse, LocalTime::parse, true));
        addDeserializer(UUID.class, new UuidDeserializer());
        addDeserializer(String.class, new StrictStringDeserializer());
        addDeserializer(Short.class, new SmallIntDeserializer<>(Short.class, Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v, false));
        addDeserializer(short.class, new SmallIntDeserializer<>(Short.class, Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v, true));
        addDeserializer(Byte.class, new SmallIntDeserializer<>(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE, v -> (byte) v, false));
        addDeserializer(byte.class, new SmallIntDeserializer<>(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE, v -> (byte) v, true));
        addDeserializer(byte[].class, new StrictBytesDeserializer());
        addKeySerializer(Object.class, new MessagePackKeySerializer());
        addDeserializer(BigDecimal.class, new DecimalDeserializer());
    }

    static void writeTimestamp(Instant instant, JsonGenerator gen) throws IOException {
        MessagePackExtensionType ext = new MessagePackExtensionType(Timestamps.EXT_TYPE, Timestamps.encode(instant));
        if (gen instanceof MessagePackGenerator msgpack) {
            msgpack.writeExtensionType(ext);
        }
        else {
            gen.writeObject(ext);
        }
    }

    private static void writeFloats(float[] values, JsonGenerator gen) throws IOException {
        gen.writeStartArray(values, values.length);
        for (float value : values) {
            gen.writeNumber((double) value);
        }
        gen.writeEndArray();
    }

    /**
     * Python's {@code time.isoformat()}: {@code HH:MM:SS}, plus {@code .ffffff} (always six digits) when the
     * microsecond is not zero. Python has no sub-microsecond precision, so nanoseconds below it are dropped.
     */
    static String formatTime(LocalTime time) {
        String hms = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        return micros == 0 ? hms : hms + String.format(".%06d", micros);
    }

    /**
     * msgspec's offset suffix: {@code Z} for a zero offset, else {@code +HH:MM}/{@code -HH:MM} with a
     * seconds remainder over 30 rounded up to the next minute.
     */
    static String formatOffset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        if (total == 0) {
            return "Z";
        }
        char sign = total < 0 ? '-' : '+';
        int seconds = Math.abs(total);
        int minutes = seconds / 60 + (seconds % 60 > 30 ? 1 : 0);
        return String.format("%c%02d:%02d", sign, minutes / 60, minutes % 60);
    }

    private static LocalDateTime parseLocalDateTime(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    @FunctionalInterface
    interface Writer<T> {

        void write(T value, JsonGenerator gen) throws IOException;
    }

    /** A serializer that writes with a {@link Writer} lambda. */
    private static final class LambdaSerializer<T> extends StdSerializer<T> {

        private final transient Writer<T> writer;

        LambdaSerializer(Class<T> type, Writer<T> writer) {
            super(type);
            this.writer = writer;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writer.write(value, gen);
        }
    }

    /**
     * Reads a string value into a date or time type; anything else is a type mismatch. A string in the zone form the
     * type cannot hold (an offset for a local type, none for an aware one) is refused as msgspec refuses it for a
     * {@code tz=False} or {@code tz=True} constraint: {@code Expected `datetime` with no timezone component}.
     */
    private static class TextDeserializer<T> extends StdScalarDeserializer<T> {

        private final String zeroName;

        private final transient Function<String, T> parser;

        private final transient Function<String, ?> otherZoneForm;

        private final String zoneRefusal;

        TextDeserializer(Class<T> type, String zeroName, Function<String, T> parser) {
            this(type, zeroName, parser, null, false);
        }

        TextDeserializer(Class<T> type, String zeroName, Function<String, T> parser, Function<String, ?> otherZoneForm,
                boolean aware) {
            super(type);
            this.zeroName = zeroName;
            this.parser = parser;
            this.otherZoneForm = otherZoneForm;
            this.zoneRefusal = "Expected `" + zeroName + "` with " + (aware ? "a" : "no") + " timezone component";
        }

        String zoneRefusal() {
            return zoneRefusal;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return parse(p, ctxt, p.getText());
            }
            return fromOther(p, ctxt);
        }

        T parse(JsonParser p, DeserializationContext ctxt, String text) throws IOException {
            try {
                return parser.apply(text);
            }
            catch (DateTimeException | IllegalArgumentException ex) {
                String invalid = "Invalid " + zeroName + " `" + text + "`";
                throw ZeroMismatch.of(p, hasOtherZoneForm(text) ? zoneRefusal : invalid);
            }
        }

        private boolean hasOtherZoneForm(String text) {
            if (otherZoneForm == null) {
                return false;
            }
            try {
                otherZoneForm.apply(text);
                return true;
            }
            catch (DateTimeException | IllegalArgumentException ex) {
                return false;
            }
        }

        T fromOther(JsonParser p, DeserializationContext ctxt) throws IOException {
            throw ZeroMismatch.of(p, "Expected `" + zeroName + "`, got `" + ZeroMismatch.kindOf(p) + "`");
        }
    }

    private static final class InstantDeserializer<T> extends TextDeserializer<T> {

        private final transient Function<Instant, T> fromInstant;

        InstantDeserializer(Class<T> type, String zeroName, Function<Instant, T> fromInstant) {
            super(type, zeroName, text -> fromInstant.apply(OffsetDateTime.parse(text.replace(' ', 'T')).toInstant()),
                    ZeroTypesModule::parseLocalDateTime, true);
            this.fromInstant = fromInstant;
        }

        @Override
        T fromOther(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT) {
                Object embedded = p.getEmbeddedObject();
                if (embedded instanceof Instant instant) {
                    return fromInstant.apply(instant);
                }
                if (embedded instanceof MessagePackExtensionType ext && ext.getType() == Timestamps.EXT_TYPE) {
                    try {
                        return fromInstant.apply(Timestamps.decode(ext.getData()));
                    }
                    catch (IllegalArgumentException ex) {
                        throw ZeroMismatch.of(p, ex.getMessage());
                    }
                }
            }
            return super.fromOther(p, ctxt);
        }
    }

    /**
     * {@code LocalDateTime}, Python's naive {@code datetime}: a timestamp extension (always aware) is refused like
     * an offset in the string.
     */
    private static final class NaiveDateTimeDeserializer extends TextDeserializer<LocalDateTime> {

        NaiveDateTimeDeserializer() {
            super(LocalDateTime.class, "datetime", ZeroTypesModule::parseLocalDateTime,
                    text -> OffsetDateTime.parse(text.replace(' ', 'T')), false);
        }

        @Override
        LocalDateTime fromOther(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object embedded = p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT ? p.getEmbeddedObject() : null;
            if (embedded instanceof Instant
                    || embedded instanceof MessagePackExtensionType ext && ext.getType() == Timestamps.EXT_TYPE) {
                throw ZeroMismatch.of(p, zoneRefusal());
            }
            return super.fromOther(p, ctxt);
        }
    }

    private static final class StrictStringDeserializer extends StdScalarDeserializer<String> {

        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            throw ZeroMismatch.of(p, "Expected `str`, got `" + ZeroMismatch.kindOf(p) + "`");
        }
    }

    /**
     * {@code short} and {@code byte}: an int within the type's range, else a mismatch worded like msgspec's
     * constrained ints ({@code Expected `int` <= 127}).
     */
    private static final class SmallIntDeserializer<T> extends StdScalarDeserializer<T> {

        private final int min;

        private final int max;

        private final transient java.util.function.IntFunction<T> narrow;

        private final boolean primitive;

        SmallIntDeserializer(Class<T> type, int min, int max, java.util.function.IntFunction<T> narrow, boolean primitive) {
            super(type);
            this.min = min;
            this.max = max;
            this.narrow = narrow;
            this.primitive = primitive;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw ZeroMismatch.of(p, "Expected `int`, got `" + ZeroMismatch.kindOf(p) + "`");
            }
            int value = p.getIntValue();
            if (value > max) {
                throw ZeroMismatch.of(p, "Expected `int` <= " + max);
            }
            if (value < min) {
                throw ZeroMismatch.of(p, "Expected `int` >= " + min);
            }
            return narrow.apply(value);
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            if (primitive) {
                throw ZeroMismatch.of(ctxt.getParser(), "Expected `int`, got `null`");
            }
            return null;
        }
    }

    private static final class StrictBytesDeserializer extends StdScalarDeserializer<byte[]> {

        StrictBytesDeserializer() {
            super(byte[].class);
        }

        @Override
        public byte[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof byte[] bytes) {
                return bytes;
            }
            throw ZeroMismatch.of(p, "Expected `bytes`, got `" + ZeroMismatch.kindOf(p) + "`");
        }
    }

    private static final class UuidDeserializer extends TextDeserializer<UUID> {

        UuidDeserializer() {
            super(UUID.class, "uuid", UuidDeserializer::parseUuid);
        }

        private static UUID parseUuid(String text) {
            if (text.length() == 32) {
                return new UUID(Long.parseUnsignedLong(text.substring(0, 16), 16),
                        Long.parseUnsignedLong(text.substring(16), 16));
            }
            if (text.length() != 36) {
                throw new IllegalArgumentException("Invalid UUID");
            }
            return UUID.fromString(text);
        }

        @Override
        UUID parse(JsonParser p, DeserializationContext ctxt, String text) throws IOException {
            try {
                return parseUuid(text);
            }
            catch (IllegalArgumentException ex) {
                throw ZeroMismatch.of(p, "Invalid UUID");
            }
        }

        @Override
        UUID fromOther(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof byte[] bytes
                    && bytes.length == 16) {
                long high = 0;
                long low = 0;
                for (int i = 0; i < 8; i++) {
                    high = (high << 8) | (bytes[i] & 0xFF);
                    low = (low << 8) | (bytes[i + 8] & 0xFF);
                }
                return new UUID(high, low);
            }
            return super.fromOther(p, ctxt);
        }
    }

    private static final class DecimalDeserializer extends TextDeserializer<BigDecimal> {

        DecimalDeserializer() {
            super(BigDecimal.class, "decimal", BigDecimal::new);
        }

        @Override
        BigDecimal parse(JsonParser p, DeserializationContext ctxt, String text) throws IOException {
            try {
                return new BigDecimal(text);
            }
            catch (NumberFormatException ex) {
                throw ZeroMismatch.of(p, "Invalid decimal string");
            }
        }

        @Override
        BigDecimal fromOther(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return new BigDecimal(p.getBigIntegerValue());
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return BigDecimal.valueOf(p.getDoubleValue());
            }
            return super.fromOther(p, ctxt);
        }
    }
}
