package io.zeroapi.bench.report;

/**
 * One bar of issue 6: a target's requests/s in a pattern divided by a baseline target's (paired per round), or
 * by a fixed ideal rate, must reach {@code threshold} (or exceed it, when {@code strict}).
 *
 * @param text how the bar reads in the table
 * @param target measured target id
 * @param pattern pattern id
 * @param baseline baseline target id, or {@code null} to divide by {@code ideal}
 * @param ideal ideal requests/s when there is no baseline target
 * @param threshold the ratio to reach
 * @param strict whether the ratio must exceed the threshold rather than reach it
 */
public record Bar(String text, String target, String pattern, String baseline, double ideal, double threshold,
        boolean strict) {

    /** The measured ratio of this bar for {@code measuredTarget}; NaN when a cell is missing. */
    public double ratio(Results results, String measuredTarget) {
        if (baseline != null) {
            return results.pairedRatio(measuredTarget, pattern, baseline);
        }
        return results.median(measuredTarget, pattern, r -> r.requestsPerSecond()) / ideal;
    }

    /** Whether {@code ratio} meets this bar. */
    public boolean isMet(double ratio) {
        return strict ? ratio > threshold : ratio >= threshold;
    }

}
