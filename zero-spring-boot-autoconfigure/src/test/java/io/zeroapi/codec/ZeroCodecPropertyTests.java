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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Size;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random values of every supported type survive encode then typed decode unchanged, and ints always take
 * msgspec's smallest form.
 */
class ZeroCodecPropertyTests {

    private final ZeroCodec codec = new ZeroCodec();

    record Sample(int id, String name, double score, List<Long> tags, Optional<String> note, Instant at,
            Map<String, Integer> counts) {
    }

    private <T> T roundTrip(T value, Type type) {
        return codec.decode(codec.encode(value), type);
    }

    @Property(tries = 1000)
    void longsRoundTripAndTakeTheSmallestForm(@ForAll long value) {
        byte[] bytes = codec.encode(value);
        assertThat(VectorFixtures.hex(bytes)).isEqualTo(msgspecInt(BigInteger.valueOf(value)));
        assertThat((Long) codec.decode(bytes, long.class)).isEqualTo(value);
        assertThat(((Number) codec.decode(bytes)).longValue()).isEqualTo(value);
    }

    @Property(tries = 500)
    void intsShortsAndBytesRoundTrip(@ForAll int i, @ForAll short s, @ForAll byte b) {
        assertThat(roundTrip(i, int.class)).isEqualTo(i);
        assertThat(roundTrip(s, short.class)).isEqualTo(s);
        assertThat(roundTrip(b, Byte.class)).isEqualTo(b);
        assertThat(codec.decode(codec.encode(i))).isEqualTo(i);
    }

    @Property(tries = 500)
    void unsignedSixtyFourBitIntsRoundTrip(@ForAll @BigRange(min = "0", max = "18446744073709551615") BigInteger value) {
        byte[] bytes = codec.encode(value);
        assertThat(VectorFixtures.hex(bytes)).isEqualTo(msgspecInt(value));
        assertThat(roundTrip(value, BigInteger.class)).isEqualTo(value);
        assertThat(new BigInteger(codec.decode(bytes).toString())).isEqualTo(value);
    }

    @Property(tries = 1000)
    void doublesRoundTripAsFloat64(@ForAll double value) {
        byte[] bytes = codec.encode(value);
        assertThat(bytes).hasSize(9);
        assertThat(bytes[0]).isEqualTo((byte) 0xcb);
        assertThat(roundTrip(value, Double.class)).isEqualTo(value);
        assertThat(codec.decode(bytes)).isEqualTo(value);
    }

    @Property(tries = 300)
    void specialDoublesAndFloatsRoundTrip(@ForAll("specialDoubles") double value, @ForAll float f) {
        assertThat(Double.doubleToRawLongBits(roundTrip(value, double.class))).isEqualTo(Double.doubleToRawLongBits(value));
        assertThat(codec.encode(f)).hasSize(9);
        assertThat(Float.valueOf(roundTrip(f, float.class))).isEqualTo(Float.valueOf(f));
    }

    @Provide
    Arbitrary<Double> specialDoubles() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE);
    }

    @Property(tries = 1000)
    void stringsRoundTrip(@ForAll("strings") String value) {
        assertThat(roundTrip(value, String.class)).isEqualTo(value);
        assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
    }

    @Provide
    Arbitrary<String> strings() {
        Arbitrary<String> bmp = Arbitraries.strings()
            .withCharRange('\u0000', '\ud7ff')
            .withCharRange('\ue000', '\uffff')
            .ofMaxLength(300);
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMinLength(60_000).ofMaxLength(70_000);
        Arbitrary<String> emoji = Arbitraries.of("😀", "𝄞", "é", "中文").list().ofMaxSize(40).map(parts -> String.join("", parts));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, bmp), net.jqwik.api.Tuple.of(1, ascii), net.jqwik.api.Tuple.of(3, emoji));
    }

    @Property(tries = 300)
    void byteArraysRoundTrip(@ForAll @Size(max = 70_000) byte[] value) {
        assertThat(roundTrip(value, byte[].class)).isEqualTo(value);
        assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
    }

    @Property(tries = 300)
    void listsAndNestedMapsRoundTrip(@ForAll @Size(max = 20) List<@Size(max = 5) Map<String, @Size(max = 5) List<Long>>> value) {
        Type type = new ParameterizedTypeReference<List<Map<String, List<Long>>>>() { }.getType();
        assertThat(roundTrip(value, type)).isEqualTo(value);
    }

    @Property(tries = 1000)
    void instantsRoundTripAcrossTheWholeRange(@ForAll("instants") Instant value) {
        byte[] bytes = codec.encode(value);
        assertThat(bytes[0]).isIn((byte) 0xd6, (byte) 0xd7, (byte) 0xc7);
        assertThat(roundTrip(value, Instant.class)).isEqualTo(value);
        assertThat(codec.decode(bytes)).isEqualTo(value);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.longs().between(-10, (1L << 34) + 10),
                Arbitraries.longs().between((1L << 32) - 10, (1L << 32) + 10));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999)
            .map(micros -> micros * 1000), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Property(tries = 500)
    void localDateTimesRoundTripThroughPythonStrings(@ForAll("dateTimes") LocalDateTime value) {
        assertThat(roundTrip(value, LocalDateTime.class)).isEqualTo(value);
        assertThat(roundTrip(value.toLocalDate(), LocalDate.class)).isEqualTo(value.toLocalDate());
        assertThat(roundTrip(value.toLocalTime(), LocalTime.class)).isEqualTo(value.toLocalTime());
    }

    @Provide
    Arbitrary<LocalDateTime> dateTimes() {
        Arbitrary<Long> epochDays = Arbitraries.longs()
            .between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay());
        Arbitrary<Long> microOfDay = Arbitraries.oneOf(Arbitraries.longs().between(0, 86_399_999_999L),
                Arbitraries.longs().between(0, 86_399).map(seconds -> seconds * 1_000_000));
        return Combinators.combine(epochDays, microOfDay).as((day, micros) -> LocalDate.ofEpochDay(day)
            .atTime(LocalTime.ofNanoOfDay(micros * 1000)));
    }

    @Property(tries = 500)
    void uuidsAndDecimalsRoundTrip(@ForAll long high, @ForAll long low, @ForAll BigInteger unscaled,
            @ForAll int scale) {
        UUID uuid = new UUID(high, low);
        assertThat(codec.encode(uuid)).hasSize(38);
        assertThat(roundTrip(uuid, UUID.class)).isEqualTo(uuid);
        BigDecimal decimal = new BigDecimal(unscaled, scale % 400);
        assertThat(roundTrip(decimal, BigDecimal.class)).isEqualTo(decimal);
    }

    @Property(tries = 300)
    void recordsRoundTrip(@ForAll int id, @ForAll("strings") String name, @ForAll double score,
            @ForAll @Size(max = 10) List<Long> tags, @ForAll Optional<String> note, @ForAll("instants") Instant at,
            @ForAll @Size(max = 5) Map<String, Integer> counts) {
        Sample sample = new Sample(id, name, score, tags, note, at, counts);
        assertThat(roundTrip(sample, Sample.class)).isEqualTo(sample);
        Map<?, ?> generic = (Map<?, ?>) codec.decode(codec.encode(sample));
        assertThat(List.copyOf(generic.keySet())).isEqualTo(List.of("id", "name", "score", "tags", "note", "at", "counts"));
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
