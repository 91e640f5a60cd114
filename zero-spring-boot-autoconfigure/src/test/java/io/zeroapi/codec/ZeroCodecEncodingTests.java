package io.zeroapi.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import io.zeroapi.codec.VectorFixtures.Color;
import io.zeroapi.codec.VectorFixtures.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.zeroapi.codec.VectorFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encoding rules of section 3.1 of the protocol: each value must come out exactly as msgspec writes it.
 */
class ZeroCodecEncodingTests {

    private final ZeroCodec codec = new ZeroCodec();

    private String encode(Object value) {
        return hex(codec.encode(value));
    }

    @ParameterizedTest
    @CsvSource({ "0, 00", "127, 7f", "128, cc80", "255, ccff", "256, cd0100", "65535, cdffff", "65536, ce00010000",
            "4294967295, ceffffffff", "4294967296, cf0000000100000000", "9223372036854775807, cf7fffffffffffffff" })
    void shouldEncodeNonNegativeIntsWithUnsignedForms(long value, String expected) {
        assertThat(encode(value)).isEqualTo(expected);
        if (value <= Integer.MAX_VALUE) {
            assertThat(encode((int) value)).isEqualTo(expected);
        }
        assertThat(encode(BigInteger.valueOf(value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "-1, ff", "-32, e0", "-33, d0df", "-128, d080", "-129, d1ff7f", "-32768, d18000",
            "-32769, d2ffff7fff", "-2147483648, d280000000", "-2147483649, d3ffffffff7fffffff",
            "-9223372036854775808, d38000000000000000" })
    void shouldEncodeNegativeIntsWithSignedForms(long value, String expected) {
        assertThat(encode(value)).isEqualTo(expected);
        if (value >= Integer.MIN_VALUE) {
            assertThat(encode((int) value)).isEqualTo(expected);
        }
    }

    @Test
    void shouldEncodeShortAndByteInSmallestForm() {
        assertThat(encode((short) 200)).isEqualTo("ccc8");
        assertThat(encode((byte) -5)).isEqualTo("fb");
    }

    @Test
    void shouldEncodeBigIntegerUpToTwoToTheSixtyFourMinusOne() {
        assertThat(encode(new BigInteger("18446744073709551615"))).isEqualTo("cfffffffffffffffff");
        assertThatThrownBy(() -> codec.encode(new BigInteger("18446744073709551616")))
            .isInstanceOf(ZeroCodecException.class);
    }

    @Test
    void shouldEncodeEveryFloatingPointNumberAsFloat64() {
        assertThat(encode(2.5)).isEqualTo("cb4004000000000000");
        assertThat(encode(1.5f)).isEqualTo("cb3ff8000000000000");
        assertThat(encode(new float[] { 1.5f })).isEqualTo("91cb3ff8000000000000");
        assertThat(encode(Double.NaN)).isEqualTo("cb7ff8000000000000");
        assertThat(encode(Double.POSITIVE_INFINITY)).isEqualTo("cb7ff0000000000000");
    }

    @Test
    void shouldEncodeNilAndBooleans() {
        assertThat(encode(null)).isEqualTo("c0");
        assertThat(encode(true)).isEqualTo("c3");
        assertThat(encode(false)).isEqualTo("c2");
    }

    @ParameterizedTest
    @CsvSource({ "0, a0", "31, bf", "32, d920", "255, d9ff", "256, da0100", "65535, daffff", "65536, db00010000" })
    void shouldEncodeStringsInSmallestForm(int length, String header) {
        String encoded = encode("x".repeat(length));
        assertThat(encoded).startsWith(header).hasSize(header.length() + 2 * length);
    }

    @Test
    void shouldCountUtf8BytesForStringLength() {
        assertThat(encode("é".repeat(16))).startsWith("d920");
    }

    @ParameterizedTest
    @CsvSource({ "0, c400", "255, c4ff", "256, c50100", "65535, c5ffff", "65536, c600010000" })
    void shouldEncodeByteArraysAsBin(int length, String header) {
        assertThat(encode(new byte[length])).startsWith(header).hasSize(header.length() + 2 * length);
    }

    @ParameterizedTest
    @CsvSource({ "0, 90", "15, 9f", "16, dc0010", "65535, dcffff", "65536, dd00010000" })
    void shouldEncodeCollectionsAsArraysInSmallestForm(int size, String header) {
        List<Integer> list = Collections.nCopies(size, 1);
        assertThat(encode(list)).startsWith(header).hasSize(header.length() + 2 * size);
        assertThat(encode(new int[size])).startsWith(header);
    }

    @ParameterizedTest
    @CsvSource({ "0, 80", "15, 8f", "16, de0010", "65535, deffff", "65536, df00010000" })
    void shouldEncodeMapsInSmallestForm(int size, String header) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(i, 0);
        }
        assertThat(encode(map)).startsWith(header);
    }

    @Test
    void shouldEncodeMapsInInsertionOrderWithNativeKeys() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", 2);
        map.put(1, "x");
        assertThat(encode(map)).isEqualTo("83a16201a16102" + "01a178");
    }

    @ParameterizedTest
    @CsvSource({ "2024-01-02T03:04:05Z, d6ff65937d25", "1970-01-01T00:00:00Z, d6ff00000000",
            "2106-02-07T06:28:15Z, d6ffffffffff", "2106-02-07T06:28:16Z, d7ff0000000100000000",
            "2024-01-02T03:04:05.000678Z, d7ff002961c065937d25", "1969-12-31T23:59:59Z, c70cff00000000ffffffffffffffff",
            "2514-05-30T01:53:03Z, d7ff00000003ffffffff", "2514-05-30T01:53:04Z, c70cff000000000000000400000000",
            "1969-12-31T23:59:59.5Z, c70cff1dcd6500ffffffffffffffff" })
    void shouldEncodeInstantsAsTimestampExtensionInSmallestForm(String instant, String expected) {
        assertThat(encode(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void shouldEncodeZonedAndOffsetDateTimesConvertedToUtc() {
        assertThat(encode(OffsetDateTime.parse("2024-01-02T05:04:05+02:00"))).isEqualTo("d6ff65937d25");
        assertThat(encode(ZonedDateTime.of(2024, 1, 1, 22, 4, 5, 0, ZoneId.of("America/New_York"))))
            .isEqualTo("d6ff65937d25");
    }

    @Test
    void shouldEncodeNaiveDateTimesAsPythonIsoformatStrings() {
        assertThat(text(LocalDateTime.of(2024, 1, 2, 3, 4, 5))).isEqualTo("2024-01-02T03:04:05");
        assertThat(text(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000))).isEqualTo("2024-01-02T03:04:05.000678");
        assertThat(text(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000))).isEqualTo("2024-01-02T03:04:05.120000");
        assertThat(text(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 999))).isEqualTo("2024-01-02T03:04:05");
        assertThat(text(LocalDate.of(2024, 1, 2))).isEqualTo("2024-01-02");
        assertThat(text(LocalDate.of(999, 1, 2))).isEqualTo("0999-01-02");
    }

    @Test
    void shouldEncodeTimesAsPythonIsoformatStrings() {
        assertThat(text(LocalTime.of(3, 4, 5))).isEqualTo("03:04:05");
        assertThat(text(LocalTime.of(3, 4, 5, 1_000))).isEqualTo("03:04:05.000001");
        assertThat(text(OffsetTime.of(3, 4, 5, 0, ZoneOffset.UTC))).isEqualTo("03:04:05Z");
        assertThat(text(OffsetTime.of(3, 4, 5, 500_000_000, ZoneOffset.ofHoursMinutes(-5, -30))))
            .isEqualTo("03:04:05.500000-05:30");
        assertThat(text(OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHoursMinutesSeconds(1, 0, 31)))).isEqualTo("03:04:05+01:01");
        assertThat(text(OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHoursMinutesSeconds(1, 0, 30)))).isEqualTo("03:04:05+01:00");
    }

    @Test
    void shouldEncodeUuidAsThirtySixCharStr8() {
        assertThat(encode(UUID.fromString("C4524AC0-E81E-4AA8-A595-0AEC605A659A")))
            .isEqualTo("d924" + hex("c4524ac0-e81e-4aa8-a595-0aec605a659a".getBytes()));
    }

    @Test
    void shouldEncodeBigDecimalAsString() {
        assertThat(text(new BigDecimal("1.2345"))).isEqualTo("1.2345");
        assertThat(text(new BigDecimal("-0.10"))).isEqualTo("-0.10");
    }

    enum Size {

        SMALL("s"), LARGE("l");

        private final String code;

        Size(String code) {
            this.code = code;
        }

        @JsonValue
        String code() {
            return code;
        }
    }

    enum Plain {
        FIRST
    }

    @Test
    void shouldEncodeEnumsByJsonValue() {
        assertThat(encode(Color.RED)).isEqualTo("01");
        assertThat(encode(Size.LARGE)).isEqualTo("a16c");
        assertThat(encode(Plain.FIRST)).isEqualTo("a5" + hex("FIRST".getBytes()));
    }

    record Item(String sku, int qty) {
    }

    record Cart(long id, List<Item> items, Optional<String> note) {
    }

    static class Pojo {

        private final int zeta = 1;

        private final String alpha = "a";
    }

    @Test
    void shouldEncodeRecordsAndPojosAsMapsInDeclarationOrder() {
        assertThat(encode(new User(1, "John Doe", "john@example.com")))
            .isEqualTo("83a2696401a46e616d65a84a6f686e20446f65a5656d61696cb06a6f686e406578616d706c652e636f6d");
        assertThat(encode(new Pojo())).isEqualTo("82a47a65746101a5616c706861a161");
        assertThat(encode(new Cart(7, List.of(new Item("a", 2)), Optional.empty())))
            .isEqualTo("83a26964" + "07" + "a56974656d73" + "9182a3736b75a161a3717479" + "02" + "a46e6f7465c0");
    }

    @Test
    void shouldEncodeOptionalAsItsValueOrNil() {
        assertThat(encode(Optional.empty())).isEqualTo("c0");
        assertThat(encode(Optional.of(5))).isEqualTo("05");
        assertThat(encode(Optional.of("Hi"))).isEqualTo("a24869");
    }

    @Test
    void shouldEncodeNullsInsideContainers() {
        List<Object> list = new ArrayList<>();
        list.add(null);
        assertThat(encode(list)).isEqualTo("91c0");
    }

    private String text(Object value) {
        Object decoded = codec.decode(codec.encode(value));
        assertThat(decoded).isInstanceOf(String.class);
        return (String) decoded;
    }
}
