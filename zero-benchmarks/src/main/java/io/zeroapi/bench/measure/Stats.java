package io.zeroapi.bench.measure;

import java.util.Arrays;

/**
 * The statistics the benchmark reports: medians of per-round figures and nearest-rank percentiles of latencies.
 */
public final class Stats {

    private Stats() {
    }

    /** Median of the finite values (the mean of the middle two for an even count); NaN if there are none. */
    public static double median(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        int middle = finite.length / 2;
        return finite.length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
    }

    /** Nearest-rank percentile {@code q} (0-100) of sorted values; NaN if there are none. */
    public static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

}
