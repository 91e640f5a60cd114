package io.zeroapi.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.zeroapi.codec.VectorFixtures.Color;
import io.zeroapi.codec.VectorFixtures.User;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import static io.zeroapi.codec.VectorFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed decoding refuses what msgspec refuses, with msgspec's text byte for byte (as {@code zero-protocol.md}
 * words it: nil is {@code null}): renamed record components, tuples, integer map keys, enums, optionals, zones.
 */
class ZeroCodecStrictnessTests {

    private static final Instant NOON = Instant.parse("2024-01-02T12:00:00Z");

    private static final Type LONG_KEYS = new ParameterizedTypeReference<Map<Long, String>>() { }.getType();

    private static final Type OPTIONAL_USER = new ParameterizedTypeReference<Optional<User>>() { }.getType();

    private final ZeroCodec codec = new ZeroCodec();

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.PARAMETER, ElementType.TYPE_USE })
    @interface Nullable {
    }

    record Meeting(@JsonProperty("start_time") Instant startTime) {
    }

    record Slot(@JsonProperty("start_time") Instant startTime, @JsonProperty("end_time") Optional<Instant> endTime,
            @Nullable @JsonProperty("room_name") String roomName,
            @JsonProperty(value = "note", isRequired = OptBoolean.FALSE) String note) {
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Pair(int left, String right) {
    }

    record Holder(Pair pair) {
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Tagged(int id, User user) {
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    static final class Point {

        int x;

        String label;
    }

    record Index(Map<Long, String> names) {
    }

    record Counter(Optional<Long> count) {
    }

    record Paint(Color color) {
    }

    record Checked(int x) {

        Checked {
            if (x < 0) {
                throw new IllegalArgumentException("x must be >= 0");
            }
        }
    }

    enum Level {

        LOW(1), HIGH(2);

        private final int code;

        Level(int code) {
            this.code = code;
        }

        @JsonValue
        int code() {
            return code;
        }

        @JsonCreator
        static Level of(int code) {
            return Arrays.stream(values()).filter(level -> level.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no level " + code));
        }
    }

    enum Mode {

        FAST;

        @JsonCreator
        static Mode of(String text) {
            return text.equals("fast") ? FAST : null;
        }
    }

    enum Plain {
        ON, OFF
    }

    // (a) renamed record components stay required and non-null

    @Test
    void shouldRequireRenamedComponent() {
        assertMismatch(Map.of(), Meeting.class, "Object missing required field `start_time`");
    }

    @Test
    void shouldRefuseNilForRenamedComponent() {
        assertMismatch(map("start_time", null), Meeting.class, "Expected `datetime`, got `null` - at `$.start_time`");
    }

    @Test
    void shouldDecodeRenamedComponent() {
        assertThat(codec.decode(codec.encode(Map.of("start_time", NOON)), Meeting.class)).isEqualTo(new Meeting(NOON));
    }

    @Test
    void shouldKeepRenamedOptionalNullableAndExplicitlyOptionalComponentsOptional() {
        assertThat(codec.decode(codec.encode(Map.of("start_time", NOON)), Slot.class))
            .isEqualTo(new Slot(NOON, Optional.empty(), null, null));
        Map<String, Object> nils = map("start_time", NOON, "end_time", null, "room_name", null, "note", null);
        assertThat(codec.decode(codec.encode(nils), Slot.class))
            .isEqualTo(new Slot(NOON, Optional.empty(), null, null));
    }

    // (b) array-shaped records are tuples

    @Test
    void shouldDecodeTupleOfExactLength() {
        assertThat(codec.encode(new Pair(1, "a"))).isEqualTo(hex("9201a161"));
        assertThat(codec.decode(hex("9201a161"), Pair.class)).isEqualTo(new Pair(1, "a"));
    }

    @Test
    void shouldRefuseTupleOfOtherLength() {
        assertMismatch(List.of(1), Pair.class, "Expected `array` of length 2, got 1");
        assertMismatch(List.of(1, "a", 3), Pair.class, "Expected `array` of length 2, got 3");
        assertMismatch(List.of(), Pair.class, "Expected `array` of length 2, got 0");
        assertMismatch(IntStream.range(0, 20).boxed().toList(), Pair.class, "Expected `array` of length 2, got 20");
    }

    @Test
    void shouldRefuseNonArrayForTuple() {
        assertMismatch(Map.of("left", 1, "right", "a"), Pair.class, "Expected `array`, got `object`");
        assertMismatch(5, Pair.class, "Expected `array`, got `int`");
        assertMismatch(null, Pair.class, "Expected `array`, got `null`");
        assertMismatch(map("pair", null), Holder.class, "Expected `array`, got `null` - at `$.pair`");
    }

    @Test
    void shouldNameTupleElementsByIndex() {
        assertMismatch(List.of(1, 2), Pair.class, "Expected `str`, got `int` - at `$[1]`");
        assertMismatch(List.of("x", "a"), Pair.class, "Expected `int`, got `str` - at `$[0]`");
        assertMismatch(Arrays.asList(1, null), Pair.class, "Expected `str`, got `null` - at `$[1]`");
        assertMismatch(Map.of("pair", List.of("x", "a")), Holder.class, "Expected `int`, got `str` - at `$.pair[0]`");
        assertMismatch(Map.of("pair", List.of(1)), Holder.class, "Expected `array` of length 2, got 1 - at `$.pair`");
        Type pairs = new ParameterizedTypeReference<List<Pair>>() { }.getType();
        assertMismatch(List.of(List.of(1, "a"), List.of(1, 2)), pairs, "Expected `str`, got `int` - at `$[1][1]`");
        assertMismatch(List.of(1, Map.of()), Tagged.class, "Object missing required field `id` - at `$[1]`");
        assertMismatch(List.of(1, Map.of("id", "7", "name", "n", "email", "e")), Tagged.class,
                "Expected `int`, got `str` - at `$[1].id`");
        assertMismatch(List.of(1, 2), Point.class, "Expected `str`, got `int` - at `$[1]`");
    }

    // (c) integer-keyed maps take only int keys

    @Test
    void shouldDecodeIntKeys() {
        Map<Long, String> names = codec.decode(codec.encode(Map.of(1, "a")), LONG_KEYS);
        assertThat(names).containsExactly(Map.entry(1L, "a"));
        Map<BigInteger, String> big = codec.decode(hex("81cfffffffffffffffffa161"),
                new ParameterizedTypeReference<Map<BigInteger, String>>() { }.getType());
        assertThat(big).containsExactly(Map.entry(new BigInteger("18446744073709551615"), "a"));
    }

    @Test
    void shouldRefuseNonIntKeysForIntegerKeyedMaps() {
        assertMismatch(Map.of("1", "a"), LONG_KEYS, "Expected `int`, got `str` - at `key` in `$`");
        assertMismatch(hex("81cb3ff8000000000000a161"), LONG_KEYS, "Expected `int`, got `float` - at `key` in `$`");
        assertMismatch(hex("81c3a161"), LONG_KEYS, "Expected `int`, got `bool` - at `key` in `$`");
        assertMismatch(hex("81c40131a161"), LONG_KEYS, "Expected `int`, got `bytes` - at `key` in `$`");
        assertMismatch(Map.of("1", "a"), new ParameterizedTypeReference<Map<Integer, String>>() { }.getType(),
                "Expected `int`, got `str` - at `key` in `$`");
        assertMismatch(Map.of(40000, "a"), new ParameterizedTypeReference<Map<Short, String>>() { }.getType(),
                "Expected `int` <= 32767 - at `key` in `$`");
    }

    @Test
    void shouldPlaceKeyMismatchesInTheirMap() {
        assertMismatch(Map.of("names", Map.of("1", "a")), Index.class,
                "Expected `int`, got `str` - at `key` in `$.names`");
        Type listOfMaps = new ParameterizedTypeReference<List<Map<Integer, String>>>() { }.getType();
        assertMismatch(List.of(Map.of("1", "x")), listOfMaps, "Expected `int`, got `str` - at `key` in `$[0]`");
        assertMismatch(Map.of("a", Map.of("1", "x")),
                new ParameterizedTypeReference<Map<String, Map<Integer, String>>>() { }.getType(),
                "Expected `int`, got `str` - at `key` in `$[...]`");
    }

    @Test
    void shouldNameMapValuesAsMsgspecDoes() {
        assertMismatch(Map.of(1, 2), LONG_KEYS, "Expected `str`, got `int` - at `$[...]`");
        Type mapOfMaps = new ParameterizedTypeReference<Map<String, Map<String, String>>>() { }.getType();
        assertMismatch(Map.of("a", Map.of("b", 1)), mapOfMaps, "Expected `str`, got `int` - at `$[...][...]`");
        assertMismatch(Map.of("k", Map.of()), new ParameterizedTypeReference<Map<String, User>>() { }.getType(),
                "Object missing required field `id` - at `$[...]`");
        assertMismatch(Map.of("names", Map.of(1, 2)), Index.class, "Expected `str`, got `int` - at `$.names[...]`");
    }

    @Test
    void shouldReadHeadersWithinOffsetAndLength() {
        byte[] frame = hex("ff" + "9101" + "81a131a161" + "ff");
        assertThatThrownBy(() -> codec.decode(frame, 1, 2, Pair.class))
            .hasMessage("Expected `array` of length 2, got 1");
        assertThatThrownBy(() -> codec.decode(frame, 3, 5, LONG_KEYS))
            .hasMessage("Expected `int`, got `str` - at `key` in `$`");
    }

    // (d) messages that said nothing useful

    @Test
    void shouldRefuseZonedValuesForLocalTypesWithMsgspecTzWording() {
        assertMismatch(NOON, LocalDateTime.class, "Expected `datetime` with no timezone component");
        assertMismatch("2024-01-02T03:04:05+02:00", LocalDateTime.class,
                "Expected `datetime` with no timezone component");
        assertMismatch("2024-01-02T03:04:05", Instant.class, "Expected `datetime` with a timezone component");
        assertMismatch("03:04:05+02:00", LocalTime.class, "Expected `time` with no timezone component");
        assertMismatch("03:04:05", OffsetTime.class, "Expected `time` with a timezone component");
    }

    @Test
    void shouldNameTimestampAsExtWhereNoDatetimeIsExpected() {
        assertMismatch(NOON, String.class, "Expected `str`, got `ext`");
        assertMismatch(NOON, LocalDate.class, "Expected `date`, got `ext`");
    }

    @Test
    void shouldRefuseEnumValuesTheCreatorRefuses() {
        assertMismatch(5, Level.class, "Invalid enum value 5");
        assertMismatch("slow", Mode.class, "Invalid enum value 'slow'");
        assertThat(codec.decode(hex("02"), Level.class)).isEqualTo(Level.HIGH);
        assertThat(codec.decode(codec.encode("fast"), Mode.class)).isEqualTo(Mode.FAST);
    }

    @Test
    void shouldQuoteStringEnumValuesAsPythonDoes() {
        assertMismatch("DIM", Plain.class, "Invalid enum value 'DIM'");
        assertMismatch("it's", Plain.class, "Invalid enum value \"it's\"");
        assertMismatch("a\nb\\", Plain.class, "Invalid enum value 'a\\nb\\\\'");
    }

    @Test
    void shouldRefuseEnumValuesOfTheWrongKind() {
        assertMismatch("x", Level.class, "Expected `int`, got `str`");
        assertMismatch("1", Color.class, "Expected `int`, got `str`");
        assertMismatch(1, Plain.class, "Expected `str`, got `int`");
        assertMismatch(null, Color.class, "Expected `int`, got `null`");
        assertMismatch(map("color", null), Paint.class, "Expected `int`, got `null` - at `$.color`");
    }

    @Test
    void shouldLetACustomizedCodecReadEnumIndexes() {
        ZeroCodec indexes = new ZeroCodec(mapper -> mapper.disable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS));
        assertThat(indexes.decode(hex("01"), Plain.class)).isEqualTo(Plain.OFF);
    }

    @Test
    void shouldWordOptionalMismatchesAsUnionsWithNull() {
        Type longs = new ParameterizedTypeReference<Optional<Long>>() { }.getType();
        Type strings = new ParameterizedTypeReference<Optional<String>>() { }.getType();
        Type colors = new ParameterizedTypeReference<Optional<Color>>() { }.getType();
        assertMismatch("x", longs, "Expected `int | null`, got `str`");
        assertMismatch(1, strings, "Expected `str | null`, got `int`");
        assertMismatch(5, OPTIONAL_USER, "Expected `object | null`, got `int`");
        assertMismatch("x", colors, "Expected `int | null`, got `str`");
        assertMismatch(Map.of("count", "x"), Counter.class, "Expected `int | null`, got `str` - at `$.count`");
        assertMismatch("x", OptionalLong.class, "Expected `int | null`, got `str`");
        assertMismatch("x", OptionalDouble.class, "Expected `float | null`, got `str`");
    }

    @Test
    void shouldKeepInnerWordingForOptionals() {
        assertMismatch(Map.of("id", "x", "name", "n", "email", "e"), OPTIONAL_USER,
                "Expected `int`, got `str` - at `$.id`");
        assertMismatch(List.of(1), new ParameterizedTypeReference<Optional<Pair>>() { }.getType(),
                "Expected `array` of length 2, got 1");
        assertMismatch(Map.of("1", "a"), new ParameterizedTypeReference<Optional<Map<Long, String>>>() { }.getType(),
                "Expected `int`, got `str` - at `key` in `$`");
        assertMismatch(9, new ParameterizedTypeReference<Optional<Color>>() { }.getType(), "Invalid enum value 9");
    }

    @Test
    void shouldReportTheRecordConstructorsRefusal() {
        assertMismatch(Map.of("x", -1), Checked.class, "x must be >= 0");
        Type checks = new ParameterizedTypeReference<List<Checked>>() { }.getType();
        assertMismatch(List.of(Map.of("x", 1), Map.of("x", -1)), checks, "x must be >= 0 - at `$[1]`");
    }

    private void assertMismatch(Object value, Type type, String message) {
        byte[] bytes = value instanceof byte[] raw ? raw : codec.encode(value);
        assertThatThrownBy(() -> codec.decode(bytes, type)).isInstanceOfSatisfying(ZeroCodecException.class, ex -> {
            assertThat(ex.isMalformed()).isFalse();
            assertThat(ex.getMessage()).isEqualTo(message);
        });
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
