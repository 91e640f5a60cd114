package io.zeroapi.codec;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.msgpack.jackson.dataformat.ExtensionTypeCustomDeserializers;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * Zero's msgpack codec: encodes Java values to exactly the bytes Python Zero (msgspec) writes and decodes
 * bytes either generically or, strictly like Zero's server, to a requested Java type.
 * <p>
 * Encoding: ints in their smallest form (unsigned forms for non-negative values), every floating point number
 * as float64, {@code byte[]} as bin, collections and arrays as arrays, maps in insertion order, records and
 * POJOs as maps in declaration order, {@code Instant}/{@code OffsetDateTime}/{@code ZonedDateTime} as the
 * timestamp extension (-1), {@code LocalDateTime}/{@code LocalDate}/{@code LocalTime}/{@code OffsetTime},
 * {@code UUID} and {@code BigDecimal} as strings, enums by {@code @JsonValue} (else by name).
 * <p>
 * Generic decoding gives {@code null}, {@code Boolean}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code String}, {@code byte[]}, {@code List}, {@code Map} and {@code Instant}. Typed
 * decoding refuses a float for an integer, a string for a number, a number for a string, and a missing
 * record component that is not {@code Optional} or {@code @Nullable}; unknown map keys are ignored. A
 * {@code @JsonFormat(shape = ARRAY)} record is a tuple of exactly its length, integer-keyed maps take only int keys,
 * enums only values of their kind, and failures are worded as msgspec words them (see {@code MismatchMessages}). Nil decodes
 * only to {@code Object} and {@code Optional} targets and to {@code Optional}/{@code @Nullable} components; a
 * server checks {@link #isNil} itself for a {@code @Nullable} parameter. Date/time strings carry microseconds like
 * Python's {@code isoformat()} (finer nanoseconds are dropped); instants keep their nanoseconds in the timestamp.
 * <p>
 * Every failure is a {@link ZeroCodecException}. Instances are thread-safe and meant to be shared.
 */
public final class ZeroCodec {

    /** Deepest nesting of arrays and maps accepted when decoding. */
    public static final int MAX_DEPTH = 500;

    private final ObjectMapper mapper;

    private final ObjectWriter writer;

    private final ObjectReader genericReader;

    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    public ZeroCodec() {
        this(mapper -> {
        });
    }

    /**
     * A codec whose Jackson 2 mapper is shaped further by {@code customizer} (e.g. a property naming strategy, or
     * modules), after Zero's own settings.
     */
    public ZeroCodec(Consumer<ObjectMapper> customizer) {
        this.mapper = createMapper();
        customizer.accept(mapper);
        this.writer = mapper.writer();
        this.genericReader = mapper.readerFor(Object.class);
    }

    private static ObjectMapper createMapper() {
        ExtensionTypeCustomDeserializers extensions = new ExtensionTypeCustomDeserializers();
        extensions.addCustomDeser(Timestamps.EXT_TYPE, Timestamps::decode);
        MessagePackFactory factory = new MessagePackFactory().setExtTypeCustomDesers(extensions);
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.setAnnotationIntrospector(new RequiredCreatorPropertyIntrospector());
        mapper.registerModule(new Jdk8Module());
        mapper.registerModule(new ZeroTypesModule());
        mapper.registerModule(new ZeroStrictnessModule());
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.setSerializationInclusion(JsonInclude.Include.ALWAYS);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        mapper.configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false);
        for (LogicalType textual : new LogicalType[] { LogicalType.Textual }) {
            mapper.coercionConfigFor(textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        return mapper;
    }

    /**
     * The (immutable) serialization settings of the codec's Jackson 2 mapper, customizations included: for
     * describing what the codec writes for a type (property names, shapes) through Jackson's own introspection.
     */
    public SerializationConfig serializationConfig() {
        return mapper.getSerializationConfig();
    }

    /**
     * Encodes one value ({@code null} gives msgpack nil).
     */
    public byte[] encode(Object value) {
        try {
            return writer.writeValueAsBytes(value);
        }
        catch (JacksonException ex) {
            throw new ZeroCodecException("Cannot encode " + describe(value) + ": " + ex.getOriginalMessage(), false, ex);
        }
        catch (IOException ex) {
            throw new ZeroCodecException("Cannot encode " + describe(value) + ": " + ex.getMessage(), false, ex);
        }
    }

    /**
     * Decodes one msgpack value generically.
     */
    public Object decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes one msgpack value generically from {@code length} bytes at {@code offset}.
     */
    public Object decode(byte[] bytes, int offset, int length) {
        return read(genericReader, bytes, offset, length);
    }

    /**
     * Decodes one msgpack value strictly to {@code type}.
     */
    public <T> T decode(byte[] bytes, Class<T> type) {
        return decode(bytes, 0, bytes.length, type);
    }

    /**
     * Decodes one msgpack value strictly to {@code type}, which may be a parameterized type such as
     * {@code List<User>} (from a method signature or a Spring {@code ParameterizedTypeReference}).
     */
    @SuppressWarnings("unchecked")
    public <T> T decode(byte[] bytes, Type type) {
        return (T) decode(bytes, 0, bytes.length, type);
    }

    /**
     * Decodes one msgpack value strictly to {@code type} from {@code length} bytes at {@code offset}.
     */
    @SuppressWarnings("unchecked")
    public <T> T decode(byte[] bytes, int offset, int length, Type type) {
        if (type == Object.class) {
            return (T) decode(bytes, offset, length);
        }
        if (isNil(bytes, offset, length) && !acceptsNil(type)) {
            throw ZeroCodecException.mismatch(
                    "Expected `" + MismatchMessages.zeroName(rawClass(type)) + "`, got `null`", null);
        }
        return (T) read(readerFor(type), bytes, offset, length);
    }

    /**
     * Whether {@code length} bytes at {@code offset} are exactly msgpack nil ({@code c0}): a server can use it to
     * pass {@code null} to a {@code @Nullable} parameter, since typed decoding refuses nil for every target type
     * except {@code Object} and {@code Optional}, as Zero does.
     */
    public static boolean isNil(byte[] bytes, int offset, int length) {
        return length == 1 && bytes[offset] == (byte) 0xc0;
    }

    /**
     * Checks, allocating nothing, that {@code length} bytes at {@code offset} are exactly one well-formed msgpack value
     * (no declared length beyond the bytes, no nesting over {@link #MAX_DEPTH}, strict UTF-8 strings).
     * @throws ZeroCodecException (malformed) if they are not
     */
    public static void checkWellFormed(byte[] bytes, int offset, int length) {
        MsgpackStructure.check(bytes, offset, length, MAX_DEPTH);
    }

    private boolean acceptsNil(Type type) {
        Class<?> raw = rawClass(type);
        return raw == Object.class || raw == Void.class || raw == Optional.class || raw == OptionalInt.class
                || raw == OptionalLong.class || raw == OptionalDouble.class;
    }

    private Class<?> rawClass(Type type) {
        return mapper.getTypeFactory().constructType(type).getRawClass();
    }

    private ObjectReader readerFor(Type type) {
        ObjectReader reader = readers.get(type);
        if (reader == null) {
            JavaType javaType = mapper.getTypeFactory().constructType(type);
            reader = readers.computeIfAbsent(type, key -> mapper.readerFor(javaType));
        }
        return reader;
    }

    private Object read(ObjectReader reader, byte[] bytes, int offset, int length) {
        MsgpackStructure.check(bytes, offset, length, MAX_DEPTH);
        try (JsonParser parser = parser(bytes, offset, length)) {
            return reader.readValue(parser);
        }
        catch (JsonMappingException ex) {
            throw ZeroCodecException.mismatch(MismatchMessages.describe(ex), ex);
        }
        catch (InputCoercionException ex) {
            throw ZeroCodecException.mismatch("Number out of range: " + ex.getOriginalMessage(), ex);
        }
        catch (IOException | RuntimeException ex) {
            throw ZeroCodecException.malformed("Malformed msgpack: " + ex.getMessage(), ex);
        }
    }

    private JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
        JsonParser msgpack = mapper.getFactory().createParser(bytes, offset, length);
        return new HeaderAwareParser(new StrictMsgpackParser(msgpack), bytes, offset, length);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

}
