package io.zeroapi.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Random test values from one seed: the same seed gives the same values. Numbers spread over every magnitude
 * (each bit width is as likely as any other, so small values and every msgpack int form come up often), sizes
 * lean towards small and sometimes take the maximum, and text mixes ASCII, the rest of the BMP and surrogate
 * pairs, as a property-testing library's generators would.
 */
public final class SeededRandom {

    private static final byte[] EDGE_BYTES = { 0, 1, -1, 0x7f, -0x80, ' ', 0x0a };

    private final RandomGenerator random;

    public SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public boolean anyBoolean() {
        return random.nextBoolean();
    }

    /** A value between {@code min} and {@code max}, both included. */
    public int intBetween(int min, int max) {
        return (int) longBetween(min, max);
    }

    /** A value between {@code min} and {@code max}, both included. */
    public long longBetween(long min, long max) {
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return (min == Long.MIN_VALUE) ? random.nextLong() : random.nextLong(min - 1, max) + 1;
    }

    public long anyLong() {
        return random.nextLong() >> random.nextInt(64);
    }

    public int anyInt() {
        return random.nextInt() >> random.nextInt(32);
    }

    public short anyShort() {
        return (short) (random.nextInt() >> (16 + random.nextInt(16)));
    }

    public byte anyByte() {
        return (byte) (random.nextInt() >> (24 + random.nextInt(8)));
    }

    /** A value from 0 to 2<sup>64</sup>-1. */
    public BigInteger unsignedLong() {
        return new BigInteger(Long.toUnsignedString(random.nextLong() >>> random.nextInt(64)));
    }

    /** A value of either sign below 2<sup>maxBits</sup> in magnitude. */
    public BigInteger anyBigInteger(int maxBits) {
        byte[] magnitude = bytesOfLength((maxBits + 7) / 8);
        BigInteger value = new BigInteger(1, magnitude).shiftRight(random.nextInt(magnitude.length * 8 + 1));
        return random.nextBoolean() ? value.negate() : value;
    }

    /** Any double: an arbitrary bit pattern (NaN, infinities and subnormals included), a fraction or a whole number. */
    public double anyDouble() {
        return switch (random.nextInt(3)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-12, 13));
            default -> anyLong();
        };
    }

    /** Any float: an arbitrary bit pattern (NaN, infinities and subnormals included), a fraction or a whole number. */
    public float anyFloat() {
        return switch (random.nextInt(3)) {
            case 0 -> Float.intBitsToFloat(random.nextInt());
            case 1 -> (float) ((random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-6, 7)));
            default -> anyInt();
        };
    }

    /** A size from 0 to {@code max}: most often at most 8, sometimes anything, sometimes {@code max}. */
    public int size(int max) {
        return switch (random.nextInt(8)) {
            case 0 -> max;
            case 1, 2, 3 -> intBetween(0, max);
            default -> intBetween(0, Math.min(max, 8));
        };
    }

    /** Up to {@code maxLength} bytes: uniformly random, ASCII only, or a few boundary values repeated. */
    public byte[] bytes(int maxLength) {
        return bytesOfLength(size(maxLength));
    }

    public byte[] bytesOfLength(int length) {
        byte[] bytes = new byte[length];
        int kind = random.nextInt(3);
        for (int i = 0; i < length; i++) {
            bytes[i] = switch (kind) {
                case 0 -> (byte) random.nextInt();
                case 1 -> (byte) random.nextInt(0x80);
                default -> EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
            };
        }
        return bytes;
    }

    /** Up to {@code maxLength} chars of ASCII, other BMP characters and surrogate pairs, never a lone surrogate. */
    public String text(int maxLength) {
        int length = size(maxLength);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int kind = random.nextInt(8);
            if (kind < 4) {
                text.append((char) random.nextInt(0x80));
            }
            else if (kind < 7 || text.length() + 2 > length) {
                text.append(bmpChar());
            }
            else {
                text.appendCodePoint(intBetween(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT));
            }
        }
        return text.toString();
    }

    /** Up to {@code maxLength} chars of the BMP outside the surrogate block. */
    public String bmpText(int maxLength) {
        char[] chars = new char[size(maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = bmpChar();
        }
        return new String(chars);
    }

    /** Between {@code minLength} and {@code maxLength} ASCII chars. */
    public String asciiText(int minLength, int maxLength) {
        char[] chars = new char[intBetween(minLength, maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(0x80);
        }
        return new String(chars);
    }

    /** Up to {@code maxLength} arbitrary UTF-16 units, lone surrogates included. */
    public String chars(int maxLength) {
        char[] chars = new char[size(maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
        }
        return new String(chars);
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public <T> List<T> listOf(int maxSize, Function<SeededRandom, T> element) {
        int size = size(maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(this));
        }
        return list;
    }

    /** Up to {@code maxSize} entries (fewer when keys repeat), in the order they were drawn. */
    public <K, V> Map<K, V> mapOf(int maxSize, Function<SeededRandom, K> key, Function<SeededRandom, V> value) {
        int size = size(maxSize);
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(key.apply(this), value.apply(this));
        }
        return map;
    }

    private char bmpChar() {
        int c = random.nextInt(0x10000 - 0x800);
        return (char) (c < Character.MIN_SURROGATE ? c : c + 0x800);
    }
}
