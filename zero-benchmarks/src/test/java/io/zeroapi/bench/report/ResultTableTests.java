package io.zeroapi.bench.report;

import java.util.List;

import io.zeroapi.bench.measure.RoundResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTests {

    private final Results results = new Results(3);

    ResultTableTests() {
        results.declare("raw", "c1");
        results.declare("zero", "c1");
        double[] raw = { 1000, 2000, 4000 };
        double[] zero = { 900, 1000, 3800 };
        for (int round = 0; round < 3; round++) {
            results.put("raw", "c1", round, new RoundResult(raw[round], 100, 200, 60, Double.NaN, 50, 0));
            results.put("zero", "c1", round, new RoundResult(zero[round], 110, 220, 70, 30 + round, 55, round));
        }
    }

    @Test
    void shouldPairRatiosPerRound() {
        // per-round ratios 0.9, 0.5, 0.95: the median is 0.9, not 1000/2000 = 0.5 from the two medians
        assertThat(results.pairedRatio("zero", "c1", "raw")).isEqualTo(0.9);
        assertThat(results.pairedRatio("zero", "c1", "grpc-direct")).isNaN();
    }

    @Test
    void shouldRenderOneRowPerCellWithMediansRatiosAndErrors() {
        String table = new ResultTable(results, List.of("c1")).cells();
        assertThat(table).contains("| srv CPU us/req | srv I/O us/req | cli CPU us/req |")
            .contains("| c1 | raw | 2,000 | 100 | 200 | 60.0 | - | 50.0 | 1.00 | - | - | 0 |")
            .contains("| c1 | zero | 1,000 | 110 | 220 | 70.0 | 31.0 | 55.0 | 0.90 | - | - | 3 |");
    }

    @Test
    void shouldJudgeBarsAndMarkMissingCells() {
        List<Bar> bars = List.of(new Bar("c1 >= 0.85 x raw", "zero", "c1", "raw", 0, 0.85, false),
                new Bar("c1 ahead of raw", "zero", "c1", "raw", 0, 1.0, true),
                new Bar("w128 vs raw", "zero", "w128", "raw", 0, 0.6, false),
                new Bar("ideal", "zero", "c1", null, 1250, 0.8, false));
        String table = new ResultTable(results, List.of("c1")).bars(bars, "zero", "zero-sync");
        assertThat(table).contains("| c1 >= 0.85 x raw | 0.90 | **met** | - |")
            .contains("| c1 ahead of raw | 0.90 | **missed** | - |")
            .contains("| w128 vs raw | - | not run | - |")
            .contains("| ideal | 0.80 | **met** | - |");
    }

    @Test
    void shouldJudgeEachBarForItsOwnTarget() {
        List<Bar> bars = List.of(new Bar("zero c1 >= 0.85 x raw", "zero", "c1", "raw", 0, 0.85, false),
                new Bar("raw c1 >= 1 x zero", "raw", "c1", "zero", 0, 1.0, false),
                new Bar("sync c1 vs raw", "zero-sync", "c1", "raw", 0, 0.8, false));
        String table = new ResultTable(results, List.of("c1")).targetBars(bars);
        assertThat(table).contains("| zero c1 >= 0.85 x raw | zero | 0.90 | **met** |")
            .contains("| raw c1 >= 1 x zero | raw | 1.11 | **met** |")
            .contains("| sync c1 vs raw | zero-sync | - | not run |");
    }

    @Test
    void shouldCompareTwoTargetsPerPatternPairedPerRound() {
        String table = new ResultTable(results, List.of("c1", "w128")).comparisons(
                List.of(new String[] { "zero", "raw" }, new String[] { "zero-x2", "zero" }));
        assertThat(table).isEqualTo("""
                | pattern | target | req/s | compared with | req/s | ratio |
                |---|---|---:|---|---:|---:|
                | c1 | zero | 1,000 | raw | 2,000 | 0.90 |
                """);
        assertThat(new ResultTable(results, List.of("c1")).comparisons(
                List.<String[]>of(new String[] { "zero-x2", "zero" }))).isEmpty();
    }

}
