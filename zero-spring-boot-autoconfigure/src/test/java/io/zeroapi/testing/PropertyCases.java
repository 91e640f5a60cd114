package io.zeroapi.testing;

import java.lang.reflect.RecordComponent;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The cases of one property, for a {@code @ParameterizedTest} with a {@code @MethodSource}: the edge cases
 * written out by the test, then a number of random values from {@link SeededRandom}. The seed is fixed, so runs
 * repeat; {@code -Dzero.test.seed=...} picks another ({@code random} draws one per run). Case {@code i} has a
 * random generator of its own, made from the seed and {@code i} only, and a failing case fails the test with
 * the seed, the case number and the value it was given.
 *
 * @param <T> the type of value the property is checked for
 */
public final class PropertyCases<T> {

    /** System property that overrides the seed: a number, or {@code random}. */
    public static final String SEED_PROPERTY = "zero.test.seed";

    private static final long DEFAULT_SEED = 20_240_917L;

    private static final long SEED = seed(System.getProperty(SEED_PROPERTY));

    private static final int MAX_DESCRIPTION = 200;

    private final String caseName;

    private final int count;

    private final IntFunction<T> valueAt;

    private PropertyCases(String caseName, int count, IntFunction<T> valueAt) {
        this.caseName = caseName;
        this.count = count;
        this.valueAt = valueAt;
    }

    /**
     * Two argument sets: the edge cases, and {@code tries} random values drawn by {@code generator}.
     */
    public static <T> Stream<Arguments> of(int tries, Function<SeededRandom, T> generator, List<T> edgeCases) {
        long[] caseSeeds = new SplittableRandom(SEED).longs(tries).toArray();
        PropertyCases<T> edges = new PropertyCases<>("edge case %d of %d (seed " + SEED + ")", edgeCases.size(),
                edgeCases::get);
        PropertyCases<T> random = new PropertyCases<>("seed " + SEED + " random case %d of %d (repeat with -D"
                + SEED_PROPERTY + "=" + SEED + ")", tries, i -> generator.apply(new SeededRandom(caseSeeds[i])));
        return Stream.of(Arguments.argumentSet(edgeCases.size() + " edge cases", edges),
                Arguments.argumentSet("seed " + SEED + ", " + tries + " random cases", random));
    }

    /** Checks the property for every case, stopping at the first that fails. */
    public void check(ThrowingConsumer<T> property) {
        for (int i = 0; i < count; i++) {
            T value = valueAt.apply(i);
            try {
                property.accept(value);
            }
            catch (Throwable failure) {
                throw new AssertionError("Property failed for " + caseName.formatted(i, count) + ", value "
                        + describe(value) + ":" + System.lineSeparator() + failure, failure);
            }
        }
    }

    private static long seed(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_SEED;
        }
        return "random".equals(property) ? System.nanoTime() : Long.decode(property.strip());
    }

    private static String describe(Object value) {
        if (value instanceof Record record) {
            return Stream.of(record.getClass().getRecordComponents())
                .map(component -> component.getName() + "=" + describe(read(component, record)))
                .collect(Collectors.joining(", ", record.getClass().getSimpleName() + "[", "]"));
        }
        if (value instanceof byte[] bytes) {
            return "byte[" + bytes.length + "] " + shorten(HexFormat.of().formatHex(bytes));
        }
        if (value instanceof String text) {
            return "String(" + text.length() + ") \"" + shorten(escape(text)) + "\"";
        }
        return shorten(escape(String.valueOf(value)));
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        }
        catch (ReflectiveOperationException ex) {
            return "<" + ex + ">";
        }
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().limit(MAX_DESCRIPTION + 1).forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> escaped.append((c >= 0x20 && c < 0x7f) ? String.valueOf((char) c) : "\\u%04x".formatted(c));
            }
        });
        return escaped.toString();
    }

    private static String shorten(String text) {
        return (text.length() <= MAX_DESCRIPTION) ? text : text.substring(0, MAX_DESCRIPTION) + "...";
    }
}
