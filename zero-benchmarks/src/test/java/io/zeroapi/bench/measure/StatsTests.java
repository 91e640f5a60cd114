package io.zeroapi.bench.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatsTests {

    @Test
    void shouldTakeMiddleValueOfOddCount() {
        assertThat(Stats.median(3, 1, 2)).isEqualTo(2);
    }

    @Test
    void shouldAverageMiddleValuesOfEvenCount() {
        assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
    }

    @Test
    void shouldIgnoreFailedRoundsInMedian() {
        assertThat(Stats.median(Double.NaN, 5, 7, Double.NaN)).isEqualTo(6);
        assertThat(Stats.median(Double.NaN)).isNaN();
    }

    @Test
    void shouldUseNearestRankPercentile() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(Stats.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Stats.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Stats.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Stats.percentile(new long[] { 7 }, 99)).isEqualTo(7);
        assertThat(Stats.percentile(new long[0], 50)).isNaN();
    }

    @Test
    void shouldParseCpuTicksFromProcStat() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 1000 0 0";
        assertThat(ProcessCpu.parseSeconds(stat)).isEqualTo(3.0);
    }

}
