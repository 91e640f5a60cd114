package io.zeroapi.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.zeroapi.bench.measure.RoundResult;
import io.zeroapi.bench.measure.Stats;

/**
 * Every round's figures of every cell, with the medians and the paired per-round ratios the table shows.
 * Cells are keyed by target id and pattern id and kept in insertion order.
 */
public final class Results {

    private final int rounds;

    private final Map<String, RoundResult[]> cells = new LinkedHashMap<>();

    private final List<String[]> keys = new ArrayList<>();

    /** Creates an empty store for {@code rounds} rounds per cell. */
    public Results(int rounds) {
        this.rounds = rounds;
    }

    /** Declares a cell, fixing its place in the table. */
    public void declare(String target, String pattern) {
        cells.computeIfAbsent(key(target, pattern), k -> {
            keys.add(new String[] { target, pattern });
            return new RoundResult[rounds];
        });
    }

    /** Stores the result of {@code round} (0-based) for a declared cell. */
    public void put(String target, String pattern, int round, RoundResult result) {
        cells.get(key(target, pattern))[round] = result;
    }

    /** The declared cells as {target, pattern} pairs, in declaration order. */
    public List<String[]> cells() {
        return List.copyOf(keys);
    }

    /** Number of rounds per cell. */
    public int rounds() {
        return rounds;
    }

    /** Median over the rounds of one figure of a cell; NaN for an unknown cell. */
    public double median(String target, String pattern, ToDoubleFunction<RoundResult> figure) {
        return find(target, pattern).map(results -> {
            double[] values = new double[results.length];
            for (int i = 0; i < results.length; i++) {
                values[i] = results[i] == null ? Double.NaN : figure.applyAsDouble(results[i]);
            }
            return Stats.median(values);
        }).orElse(Double.NaN);
    }

    /** Sum of errors of a cell over all rounds. */
    public long errors(String target, String pattern) {
        long sum = 0;
        for (RoundResult result : find(target, pattern).orElse(new RoundResult[0])) {
            sum += result == null ? 0 : result.errors();
        }
        return sum;
    }

    /**
     * Median of the per-round ratios of a cell's requests/s to {@code baseline}'s in the same pattern and round;
     * NaN when the baseline was not measured.
     */
    public double pairedRatio(String target, String pattern, String baseline) {
        Optional<RoundResult[]> measured = find(target, pattern);
        Optional<RoundResult[]> reference = find(baseline, pattern);
        if (measured.isEmpty() || reference.isEmpty()) {
            return Double.NaN;
        }
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            RoundResult a = measured.get()[i];
            RoundResult b = reference.get()[i];
            ratios[i] = a == null || b == null ? Double.NaN : a.requestsPerSecond() / b.requestsPerSecond();
        }
        return Stats.median(ratios);
    }

    private Optional<RoundResult[]> find(String target, String pattern) {
        return Optional.ofNullable(cells.get(key(target, pattern)));
    }

    private static String key(String target, String pattern) {
        return target + "/" + pattern;
    }

}
