package io.zeroapi.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.zeroapi.codec.VectorFixtures.Color;
import io.zeroapi.codec.VectorFixtures.User;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;

import static io.zeroapi.codec.VectorFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generic decoding (section 3.2) and strict typed decoding with msgspec's wording (section 3.3), plus malformed
 * and hostile input.
 */
class ZeroCodecDecodingTests {

    private final ZeroCodec codec = new ZeroCodec();

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.PARAMETER, ElementType.TYPE_USE })
    @interface Nullable {
    }

    record Profile(int id, Optional<String> nickname, @Nullable String bio, String email) {
    }

    record Item(int id, String name) {
    }

    record Basket(List<Item> items) {
    }

    record Measure(double value) {
    }

    record Wrapper(Color color, UUID uuid, LocalDate date) {
    }

    private Object decode(String hex) {
        return codec.decode(hex(hex));
    }

    // generic decoding

    @Test
    void shouldDecodeScalarsGenerically() {
        assertThat(decode("c0")).isNull();
        assertThat(decode("c3")).isEqualTo(true);
        assertThat(decode("c2")).isEqualTo(false);
        assertThat(decode("7f")).isEqualTo(127);
        assertThat(decode("ff")).isEqualTo(-1);
        assertThat(decode("ceffffffff")).isEqualTo(4294967295L);
        assertThat(decode("cf7fffffffffffffff")).isEqualTo(Long.MAX_VALUE);
        assertThat(decode("d38000000000000000")).isEqualTo(Long.MIN_VALUE);
        assertThat(decode("cfffffffffffffffff")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(decode("a24869")).isEqualTo("Hi");
        assertThat(decode("c4020001")).isEqualTo(new byte[] { 0, 1 });
    }

    @Test
    void shouldDecodeFloat32AndFloat64AsDouble() {
        assertThat(decode("ca3fc00000")).isInstanceOf(Double.class).isEqualTo(1.5);
        assertThat(decode("cb4004000000000000")).isInstanceOf(Double.class).isEqualTo(2.5);
    }

    @Test
    void shouldDecodeContainersGenericallyInOrder() {
        Object map = decode("83a16201a16102a163c0");
        assertThat(map).isInstanceOf(LinkedHashMap.class);
        assertThat(List.copyOf(((Map<?, ?>) map).keySet())).isEqualTo(List.of("b", "a", "c"));
        assertThat(decode("93010203")).isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void shouldDecodeTimestampExtensionAsInstantAnywhere() {
        Instant instant = Instant.parse("2024-01-02T03:04:05Z");
        assertThat(decode("d6ff65937d25")).isEqualTo(instant);
        assertThat(decode("92d6ff65937d2581a174d7ff002961c065937d25"))
            .isEqualTo(List.of(instant, Map.of("t", instant.plusNanos(678_000))));
        assertThat(decode("c70cff00000000ffffffffffffffff")).isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
    }

    @Test
    void shouldDecodeWithinOffsetAndLength() {
        assertThat(codec.decode(hex("ffa24869ff"), 1, 3)).isEqualTo("Hi");
        assertThat((String) codec.decode(hex("ffa24869ff"), 1, 3, String.class)).isEqualTo("Hi");
    }

    // typed decoding

    @Test
    void shouldDecodeTypedValues() {
        assertThat(codec.decode(hex("05"), double.class)).isEqualTo(5.0);
        assertThat(codec.decode(hex("ca3fc00000"), Double.class)).isEqualTo(1.5);
        assertThat(codec.decode(hex("cfffffffffffffffff"), BigInteger.class)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(codec.decode(hex("a6312e32333435"), BigDecimal.class)).isEqualTo(new BigDecimal("1.2345"));
        assertThat(codec.decode(hex("d6ff65937d25"), OffsetDateTime.class))
            .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        assertThat(codec.decode(hex("b3323032342d30312d30325430333a30343a3035"), LocalDateTime.class))
            .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(codec.decode(codec.encode("2024-01-02T03:04:05+02:00"), Instant.class))
            .isEqualTo(Instant.parse("2024-01-02T01:04:05Z"));
        assertThat(codec.decode(codec.encode("03:04:05.000001"), LocalTime.class)).isEqualTo(LocalTime.of(3, 4, 5, 1000));
        assertThat(codec.decode(hex("01"), Color.class)).isEqualTo(Color.RED);
    }

    @Test
    void shouldDecodeGenericTypeTokens() {
        Type users = new ParameterizedTypeReference<List<User>>() { }.getType();
        byte[] bytes = codec.encode(List.of(new User(1, "a", "a@x"), new User(2, "b", "b@x")));
        List<User> decoded = codec.decode(bytes, users);
        assertThat(decoded).containsExactly(new User(1, "a", "a@x"), new User(2, "b", "b@x"));
    }

    @Test
    void shouldIgnoreUnknownKeys() {
        byte[] bytes = codec.encode(Map.of("id", 1, "name", "x", "email", "e", "extra", List.of(1)));
        assertThat(codec.decode(bytes, User.class)).isEqualTo(new User(1, "x", "e"));
    }

    @Test
    void shouldAcceptMissingOptionalAndNullableComponents() {
        byte[] bytes = codec.encode(Map.of("id", 1, "email", "e"));
        assertThat(codec.decode(bytes, Profile.class)).isEqualTo(new Profile(1, Optional.empty(), null, "e"));
    }

    @Test
    void shouldAcceptIntForDouble() {
        assertThat(codec.decode(codec.encode(Map.of("value", 3)), Measure.class)).isEqualTo(new Measure(3.0));
    }

    @Test
    void shouldDecodeNilOnlyForObjectAndOptionalTargets() {
        assertThat(codec.decode(hex("c0"), Object.class)).isNull();
        assertThat(codec.decode(hex("c0"), Optional.class)).isEqualTo(Optional.empty());
        assertThat(ZeroCodec.isNil(hex("c0"), 0, 1)).isTrue();
        assertThat(ZeroCodec.isNil(hex("c000"), 0, 2)).isFalse();
        assertMismatch(() -> codec.decode(hex("c0"), String.class), "Expected `str`, got `null`");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cb4000000000000000 | int     | Expected `int`, got `float`",
            "cb4000000000000000 | long    | Expected `int`, got `float`",
            "a131               | int     | Expected `int`, got `str`",
            "a131               | double  | Expected `float`, got `str`",
            "c3                 | int     | Expected `int`, got `bool`",
            "01                 | boolean | Expected `bool`, got `int`",
            "01                 | string  | Expected `str`, got `int`",
            "c3                 | string  | Expected `str`, got `bool`",
            "c4020001           | string  | Expected `str`, got `bytes`",
            "a3616263           | bytes   | Expected `bytes`, got `str`",
            "ce80000000         | int     | Expected `int` <= 2147483647",
            "cd8000             | short   | Expected `int` <= 32767",
            "cc80               | byte    | Expected `int` <= 127",
            "cf8000000000000000 | long    | Expected `int` <= 9223372036854775807",
            "09                 | color   | Invalid enum value 9",
            "a3626164           | uuid    | Invalid UUID",
            "a3626164           | date    | Invalid date `bad`",
            "a3626164           | instant | Invalid datetime `bad`",
            "7b                 | user    | Expected `object`, got `int`" })
    void shouldRefuseMismatchesWithMsgspecWording(String hex, String target, String message) {
        Class<?> type = switch (target) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            case "double" -> double.class;
            case "boolean" -> boolean.class;
            case "string" -> String.class;
            case "bytes" -> byte[].class;
            case "color" -> Color.class;
            case "uuid" -> UUID.class;
            case "date" -> LocalDate.class;
            case "instant" -> Instant.class;
            default -> User.class;
        };
        assertMismatch(() -> codec.decode(hex(hex), type), message);
    }

    @Test
    void shouldNameMissingRequiredComponent() {
        assertMismatch(() -> codec.decode(codec.encode(Map.of("id", 1, "name", "x")), User.class),
                "Object missing required field `email`");
        assertMismatch(() -> codec.decode(codec.encode(Map.of("id", 1)), Profile.class),
                "Object missing required field `email`");
    }

    @Test
    void shouldNameThePathOfNestedMismatches() {
        assertMismatch(() -> codec.decode(codec.encode(Map.of("id", "1", "name", "x", "email", "e")), User.class),
                "Expected `int`, got `str` - at `$.id`");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("id", "3");
        bad.put("name", "c");
        Object items = List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"), bad);
        assertMismatch(() -> codec.decode(codec.encode(Map.of("items", items)), Basket.class),
                "Expected `int`, got `str` - at `$.items[2].id`");
        assertMismatch(() -> codec.decode(codec.encode(Map.of("id", 1, "name", 5, "email", "e")), User.class),
                "Expected `str`, got `int` - at `$.name`");
    }

    @Test
    void shouldRefuseNilForRequiredComponent() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 1);
        map.put("name", null);
        map.put("email", "e");
        assertMismatch(() -> codec.decode(codec.encode(map), User.class), "Expected `str`, got `null` - at `$.name`");
    }

    @Test
    void shouldRefuseBadValuesInsideRecords() {
        Map<String, Object> map = Map.of("color", 9, "uuid", "c4524ac0-e81e-4aa8-a595-0aec605a659a", "date", "2024-01-02");
        assertMismatch(() -> codec.decode(codec.encode(map), Wrapper.class), "Invalid enum value 9 - at `$.color`");
    }

    // malformed input

    @ParameterizedTest
    @ValueSource(strings = { "c1", "", "a36162", "0101", "cd01", "92c0", "dbffffffff", "c6ffffffff", "ddffffffff",
            "dfffffffff", "c9ffffffffff", "dc0010", "81a161" })
    void shouldRefuseMalformedMsgpack(String hex) {
        for (Type type : new Type[] { Object.class, String.class, User.class }) {
            assertThatThrownBy(() -> codec.decode(hex(hex), type)).isInstanceOfSatisfying(ZeroCodecException.class,
                    ex -> assertThat(ex.isMalformed()).isTrue());
        }
    }

    @Test
    @Timeout(5)
    void shouldRefuseHugeDeclaredLengthsWithoutAllocating() {
        byte[] str32 = Arrays.copyOf(hex("db7fffffff"), 64);
        byte[] bin32 = Arrays.copyOf(hex("c67fffffff"), 64);
        byte[] array32 = Arrays.copyOf(hex("dd7fffffff"), 64);
        byte[] map32 = Arrays.copyOf(hex("df7fffffff"), 64);
        for (byte[] bytes : List.of(str32, bin32, array32, map32)) {
            assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOfSatisfying(ZeroCodecException.class,
                    ex -> assertThat(ex.isMalformed()).isTrue());
        }
    }

    @Test
    void shouldRefuseDeepNestingWithoutStackOverflow() {
        byte[] arrays = new byte[100_001];
        Arrays.fill(arrays, 0, 100_000, (byte) 0x91);
        arrays[100_000] = 0x01;
        byte[] maps = new byte[200_001];
        for (int i = 0; i < 100_000; i++) {
            maps[2 * i] = (byte) 0x81;
            maps[2 * i + 1] = 0x01;
        }
        maps[200_000] = 0x01;
        for (byte[] bytes : List.of(arrays, maps)) {
            assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOfSatisfying(ZeroCodecException.class,
                    ex -> assertThat(ex.isMalformed()).isTrue());
            assertThatThrownBy(() -> codec.decode(bytes, List.class)).isInstanceOf(ZeroCodecException.class);
        }
    }

    @Test
    void shouldDecodeNestingUpToTheLimit() {
        int depth = ZeroCodec.MAX_DEPTH - 1;
        byte[] bytes = new byte[depth + 1];
        Arrays.fill(bytes, 0, depth, (byte) 0x91);
        bytes[depth] = 0x01;
        assertThat(codec.decode(bytes)).isInstanceOf(List.class);
    }

    private static void assertMismatch(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ZeroCodecException.class, ex -> {
            assertThat(ex.isMalformed()).isFalse();
            assertThat(ex.getMessage()).isEqualTo(message);
        });
    }
}
