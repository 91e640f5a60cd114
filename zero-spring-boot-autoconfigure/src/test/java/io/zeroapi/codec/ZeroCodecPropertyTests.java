package io.zeroapi.codec;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.zeroapi.testing.PropertyCases;
import io.zeroapi.testing.SeededRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values of every supported type survive encode then typed decode unchanged, and ints always take msgspec's
 * smallest form: for each type, the edge cases of its wire forms (every msgpack int, str, bin and timestamp
 * boundary, signed zeros, NaN, empty and surrogate-pair text, empty collections) and hundreds of seeded random
 * values (see {@link PropertyCases} for the seed).
 */
class ZeroCodecPropertyTests {

    private static final BigInteger TWO_TO_THE_63 = BigInteger.ONE.shiftLeft(63);

    private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);

    private static final List<Long> INT_FORM_EDGES = List.of(0L, 1L, -1L, 127L, 128L, -32L, -33L, -128L, -129L,
            255L, 256L, 32_767L, 32_768L, -32_768L, -32_769L, 65_535L, 65_536L, (long) Integer.MAX_VALUE,
            1L << 31, (long) Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, (1L << 32) - 1, 1L << 32, Long.MAX_VALUE,
            Long.MIN_VALUE, Long.MIN_VALUE + 1);

    private static final List<Double> SPECIAL_DOUBLES = List.of(Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE);

    private final ZeroCodec codec = new ZeroCodec();

    record Sample(int id, String name, double score, List<Long> tags, Optional<String> note, Instant at,
            Map<String, Integer> counts) {
    }

    record SmallInts(int i, short s, byte b) {
    }

    record SpecialDoubleAndFloat(double special, float f) {
    }

    record UuidAndDecimal(UUID uuid, BigDecimal decimal) {
    }

    private <T> T roundTrip(T value, Type type) {
        return codec.decode(codec.encode(value), type);
    }

    @ParameterizedTest
    @MethodSource("longs")
    void longsRoundTripAndTakeTheSmallestForm(PropertyCases<Long> cases) {
        cases.check(value -> {
            byte[] bytes = codec.encode(value);
            assertThat(VectorFixtures.hex(bytes)).isEqualTo(msgspecInt(BigInteger.valueOf(value)));
            assertThat((Long) codec.decode(bytes, long.class)).isEqualTo(value);
            assertThat(((Number) codec.decode(bytes)).longValue()).isEqualTo(value);
        });
    }

    static Stream<Arguments> longs() {
        return PropertyCases.of(1000, SeededRandom::anyLong, INT_FORM_EDGES);
    }

    @ParameterizedTest
    @MethodSource("smallInts")
    void intsShortsAndBytesRoundTrip(PropertyCases<SmallInts> cases) {
        cases.check(value -> {
            assertThat(roundTrip(value.i(), int.class)).isEqualTo(value.i());
            assertThat(roundTrip(value.s(), short.class)).isEqualTo(value.s());
            assertThat(roundTrip(value.b(), Byte.class)).isEqualTo(value.b());
            assertThat(codec.decode(codec.encode(value.i()))).isEqualTo(value.i());
        });
    }

    static Stream<Arguments> smallInts() {
        List<Integer> ints = INT_FORM_EDGES.stream()
            .filter(edge -> edge == edge.intValue())
            .map(Long::intValue)
            .toList();
        List<Short> shorts = INT_FORM_EDGES.stream()
            .filter(edge -> edge == edge.shortValue())
            .map(Long::shortValue)
            .toList();
        List<Byte> bytes = INT_FORM_EDGES.stream()
            .filter(edge -> edge == edge.byteValue())
            .map(Long::byteValue)
            .toList();
        List<SmallInts> edges = IntStream.range(0, ints.size())
            .mapToObj(k -> new SmallInts(ints.get(k), shorts.get(k % shorts.size()), bytes.get(k % bytes.size())))
            .toList();
        return PropertyCases.of(500, random -> new SmallInts(random.anyInt(), random.anyShort(), random.anyByte()),
                edges);
    }

    @ParameterizedTest
    @MethodSource("unsignedLongs")
    void unsignedSixtyFourBitIntsRoundTrip(PropertyCases<BigInteger> cases) {
        cases.check(value -> {
            byte[] bytes = codec.encode(value);
            assertThat(VectorFixtures.hex(bytes)).isEqualTo(msgspecInt(value));
            assertThat(roundTrip(value, BigInteger.class)).isEqualTo(value);
            assertThat(new BigInteger(codec.decode(bytes).toString())).isEqualTo(value);
        });
    }

    static Stream<Arguments> unsignedLongs() {
        List<BigInteger> edges = Stream.concat(
                INT_FORM_EDGES.stream().filter(edge -> edge >= 0).map(BigInteger::valueOf),
                Stream.of(TWO_TO_THE_63, TWO_TO_THE_63.add(BigInteger.ONE), TWO_TO_THE_64.subtract(BigInteger.TWO),
                        TWO_TO_THE_64.subtract(BigInteger.ONE)))
            .toList();
        return PropertyCases.of(500, SeededRandom::unsignedLong, edges);
    }

    @ParameterizedTest
    @MethodSource("doubles")
    void doublesRoundTripAsFloat64(PropertyCases<Double> cases) {
        cases.check(value -> {
            byte[] bytes = codec.encode(value);
            assertThat(bytes).hasSize(9);
            assertThat(bytes[0]).isEqualTo((byte) 0xcb);
            assertThat(roundTrip(value, Double.class)).isEqualTo(value);
            assertThat(codec.decode(bytes)).isEqualTo(value);
        });
    }

    static Stream<Arguments> doubles() {
        List<Double> edges = Stream.concat(SPECIAL_DOUBLES.stream(), Stream.of(1.0, -1.0, 0.1, -0.5, 127.0, 128.0,
                -33.0, 65_536.0, 0x1p53, 0x1p53 + 2, 0x1p63, -0x1p63, 0x1p64, Math.ulp(1.0), Double.MIN_NORMAL,
                -Double.MIN_VALUE, Math.PI))
            .toList();
        return PropertyCases.of(1000, SeededRandom::anyDouble, edges);
    }

    @ParameterizedTest
    @MethodSource("specialDoublesAndFloats")
    void specialDoublesAndFloatsRoundTrip(PropertyCases<SpecialDoubleAndFloat> cases) {
        cases.check(value -> {
            assertThat(Double.doubleToRawLongBits(roundTrip(value.special(), double.class)))
                .isEqualTo(Double.doubleToRawLongBits(value.special()));
            assertThat(codec.encode(value.f())).hasSize(9);
            assertThat(Float.valueOf(roundTrip(value.f(), float.class))).isEqualTo(Float.valueOf(value.f()));
        });
    }

    static Stream<Arguments> specialDoublesAndFloats() {
        List<Float> floats = List.of(0.0f, -0.0f, 1.0f, -1.0f, 0.1f, Float.MIN_VALUE, -Float.MIN_VALUE,
                Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 0x1p24f, (float) Math.PI);
        List<SpecialDoubleAndFloat> edges = IntStream.range(0, floats.size())
            .mapToObj(k -> new SpecialDoubleAndFloat(SPECIAL_DOUBLES.get(k % SPECIAL_DOUBLES.size()), floats.get(k)))
            .toList();
        return PropertyCases.of(300, random -> new SpecialDoubleAndFloat(
                random.oneOf(SPECIAL_DOUBLES), random.anyFloat()), edges);
    }

    @ParameterizedTest
    @MethodSource("strings")
    void stringsRoundTrip(PropertyCases<String> cases) {
        cases.check(value -> {
            assertThat(roundTrip(value, String.class)).isEqualTo(value);
            assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
        });
    }

    static Stream<Arguments> strings() {
        List<String> edges = List.of("", "a", "\u0000", "\u007f", "\u0080", "\u07ff", "\u0800", "\ud7ff", "\ue000",
                "\uffff", "é", "中文", "😀", "𝄞", "\ud800\udc00", "\udbff\udfff", "a😀b𝄞c", "x".repeat(31),
                "x".repeat(32), "é".repeat(16), "x".repeat(255), "x".repeat(256), "中".repeat(85) + "x",
                "x".repeat(65_535), "x".repeat(65_536), "😀".repeat(16_384), " \t\r\n");
        return PropertyCases.of(1000, ZeroCodecPropertyTests::anyString, edges);
    }

    /** Mostly BMP text up to 300 chars, sometimes 60,000 to 70,000 ASCII chars, often runs of surrogate pairs. */
    private static String anyString(SeededRandom random) {
        int pick = random.intBetween(1, 12);
        if (pick <= 8) {
            return random.bmpText(300);
        }
        if (pick == 9) {
            return random.asciiText(60_000, 70_000);
        }
        return String.join("", random.listOf(40, parts -> parts.oneOf(List.of("😀", "𝄞", "é", "中文"))));
    }

    @ParameterizedTest
    @MethodSource("byteArrays")
    void byteArraysRoundTrip(PropertyCases<byte[]> cases) {
        cases.check(value -> {
            assertThat(roundTrip(value, byte[].class)).isEqualTo(value);
            assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
        });
    }

    static Stream<Arguments> byteArrays() {
        List<byte[]> edges = IntStream.of(0, 1, 31, 32, 255, 256, 65_535, 65_536, 70_000)
            .mapToObj(byte[]::new)
            .toList();
        return PropertyCases.of(300, random -> random.bytes(70_000),
                Stream.concat(edges.stream(), Stream.of(new byte[] { -1 }, new byte[] { (byte) 0xc1, 0 })).toList());
    }

    @ParameterizedTest
    @MethodSource("nestedLists")
    void listsAndNestedMapsRoundTrip(PropertyCases<List<Map<String, List<Long>>>> cases) {
        Type type = new ParameterizedTypeReference<List<Map<String, List<Long>>>>() { }.getType();
        cases.check(value -> assertThat(roundTrip(value, type)).isEqualTo(value));
    }

    static Stream<Arguments> nestedLists() {
        List<Map<String, List<Long>>> full = IntStream.range(0, 20)
            .mapToObj(i -> Map.<String, List<Long>>of("a" + i, INT_FORM_EDGES.subList(0, 5), "b", List.of(), "😀",
                    List.of(Long.MIN_VALUE), "", List.of(Long.MAX_VALUE), "\u0000", INT_FORM_EDGES.subList(5, 10)))
            .toList();
        List<List<Map<String, List<Long>>>> edges = List.of(List.of(), List.of(Map.of()),
                List.of(Map.of("", List.of())), List.of(Map.of("k", INT_FORM_EDGES.subList(20, 25))), full);
        return PropertyCases.of(300,
                random -> random.listOf(20, maps -> maps.mapOf(5, keys -> keys.text(20),
                        lists -> lists.listOf(5, SeededRandom::anyLong))),
                edges);
    }

    @ParameterizedTest
    @MethodSource("instants")
    void instantsRoundTripAcrossTheWholeRange(PropertyCases<Instant> cases) {
        cases.check(value -> {
            byte[] bytes = codec.encode(value);
            assertThat(bytes[0]).isIn((byte) 0xd6, (byte) 0xd7, (byte) 0xc7);
            assertThat(roundTrip(value, Instant.class)).isEqualTo(value);
            assertThat(codec.decode(bytes)).isEqualTo(value);
        });
    }

    static Stream<Arguments> instants() {
        List<Instant> edges = LongStream.of(Instant.MIN.getEpochSecond(), -1, 0, 1, (1L << 32) - 1, 1L << 32,
                (1L << 34) - 1, 1L << 34, Instant.MAX.getEpochSecond())
            .boxed()
            .flatMap(seconds -> IntStream.of(0, 1, 1000, 999_999_999)
                .mapToObj(nanos -> Instant.ofEpochSecond(seconds, nanos)))
            .toList();
        return PropertyCases.of(1000, ZeroCodecPropertyTests::anyInstant, edges);
    }

    /**
     * Any instant, often near the forms' boundaries (timestamp 32 for whole seconds below 2^32, 64 for seconds below
     * 2^34), with whole seconds, whole microseconds or any nanoseconds.
     */
    private static Instant anyInstant(SeededRandom random) {
        long seconds = switch (random.intBetween(0, 2)) {
            case 0 -> random.longBetween(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
            case 1 -> random.longBetween(-10, (1L << 34) + 10);
            default -> random.longBetween((1L << 32) - 10, (1L << 32) + 10);
        };
        int nanos = switch (random.intBetween(0, 2)) {
            case 0 -> 0;
            case 1 -> random.intBetween(0, 999_999) * 1000;
            default -> random.intBetween(0, 999_999_999);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    @ParameterizedTest
    @MethodSource("dateTimes")
    void localDateTimesRoundTripThroughPythonStrings(PropertyCases<LocalDateTime> cases) {
        cases.check(value -> {
            assertThat(roundTrip(value, LocalDateTime.class)).isEqualTo(value);
            assertThat(roundTrip(value.toLocalDate(), LocalDate.class)).isEqualTo(value.toLocalDate());
            assertThat(roundTrip(value.toLocalTime(), LocalTime.class)).isEqualTo(value.toLocalTime());
        });
    }

    static Stream<Arguments> dateTimes() {
        List<LocalDateTime> edges = List.of(LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(1970, 1, 1, 0, 0),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2000, 2, 29, 0, 0, 0, 1000),
                LocalDateTime.of(2024, 12, 31, 12, 0, 1), LocalDateTime.of(999, 9, 9, 9, 9, 9, 90_000));
        long firstDay = LocalDate.of(1, 1, 1).toEpochDay();
        long lastDay = LocalDate.of(9999, 12, 31).toEpochDay();
        return PropertyCases.of(500, random -> {
            LocalDate date = LocalDate.ofEpochDay(random.longBetween(firstDay, lastDay));
            long microOfDay = random.anyBoolean() ? random.longBetween(0, 86_399_999_999L)
                    : random.longBetween(0, 86_399) * 1_000_000;
            return date.atTime(LocalTime.ofNanoOfDay(microOfDay * 1000));
        }, edges);
    }

    @ParameterizedTest
    @MethodSource("uuidsAndDecimals")
    void uuidsAndDecimalsRoundTrip(PropertyCases<UuidAndDecimal> cases) {
        cases.check(value -> {
            assertThat(codec.encode(value.uuid())).hasSize(38);
            assertThat(roundTrip(value.uuid(), UUID.class)).isEqualTo(value.uuid());
            assertThat(roundTrip(value.decimal(), BigDecimal.class)).isEqualTo(value.decimal());
        });
    }

    static Stream<Arguments> uuidsAndDecimals() {
        List<UUID> uuids = List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, Long.MAX_VALUE),
                new UUID(Long.MAX_VALUE, Long.MIN_VALUE), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        List<BigDecimal> decimals = List.of(BigDecimal.ZERO, new BigDecimal(BigInteger.ZERO, 399),
                new BigDecimal(BigInteger.ZERO, -399), BigDecimal.ONE, new BigDecimal(BigInteger.ONE, -399),
                new BigDecimal(BigInteger.ONE.negate(), 399), new BigDecimal("0.1"), new BigDecimal(TWO_TO_THE_64),
                BigDecimal.valueOf(Long.MIN_VALUE, 2));
        List<UuidAndDecimal> edges = IntStream.range(0, decimals.size())
            .mapToObj(k -> new UuidAndDecimal(uuids.get(k % uuids.size()), decimals.get(k)))
            .toList();
        return PropertyCases.of(500, random -> new UuidAndDecimal(new UUID(random.anyLong(), random.anyLong()),
                new BigDecimal(random.anyBigInteger(128), random.anyInt() % 400)), edges);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void recordsRoundTrip(PropertyCases<Sample> cases) {
        cases.check(sample -> {
            assertThat(roundTrip(sample, Sample.class)).isEqualTo(sample);
            Map<?, ?> generic = (Map<?, ?>) codec.decode(codec.encode(sample));
            assertThat(List.copyOf(generic.keySet()))
                .isEqualTo(List.of("id", "name", "score", "tags", "note", "at", "counts"));
        });
    }

    static Stream<Arguments> samples() {
        List<Sample> edges = List.of(
                new Sample(0, "", 0.0, List.of(), Optional.empty(), Instant.EPOCH, Map.of()),
                new Sample(Integer.MIN_VALUE, "😀 𝄞", Double.NaN, List.of(Long.MIN_VALUE, Long.MAX_VALUE),
                        Optional.of(""), Instant.MIN, Map.of("", 0)),
                new Sample(Integer.MAX_VALUE, "x".repeat(256), -0.0, INT_FORM_EDGES.subList(0, 10),
                        Optional.of("note"), Instant.MAX, Map.of("min", Integer.MIN_VALUE, "max", Integer.MAX_VALUE)));
        return PropertyCases.of(300, random -> new Sample(random.anyInt(), anyString(random), random.anyDouble(),
                random.listOf(10, SeededRandom::anyLong),
                random.anyBoolean() ? Optional.empty() : Optional.of(random.text(30)), anyInstant(random),
                random.mapOf(5, keys -> keys.text(20), SeededRandom::anyInt)), edges);
    }

    /** msgspec's integer rule written out independently: unsigned forms for non-negative values. */
    private static String msgspecInt(BigInteger value) {
        long v = value.longValue();
        if (value.signum() >= 0) {
            if (value.compareTo(BigInteger.valueOf(127)) <= 0) {
                return String.format("%02x", v);
            }
            if (value.bitLength() <= 8) {
                return String.format("cc%02x", v);
            }
            if (value.bitLength() <= 16) {
                return String.format("cd%04x", v);
            }
            if (value.bitLength() <= 32) {
                return String.format("ce%08x", v);
            }
            return "cf" + String.format("%016x", v);
        }
        if (v >= -32) {
            return String.format("%02x", v & 0xff);
        }
        if (v >= Byte.MIN_VALUE) {
            return String.format("d0%02x", v & 0xff);
        }
        if (v >= Short.MIN_VALUE) {
            return String.format("d1%04x", v & 0xffff);
        }
        if (v >= Integer.MIN_VALUE) {
            return String.format("d2%08x", v & 0xffffffffL);
        }
        return "d3" + String.format("%016x", v);
    }
}
