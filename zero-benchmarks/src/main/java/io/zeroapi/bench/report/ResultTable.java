package io.zeroapi.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * Renders {@link Results} and the bars as markdown: one row per cell grouped by pattern, medians of the
 * rounds, and ratios to the raw echo, the msgpack echo and gRPC-java with {@code directExecutor}, each paired
 * per round.
 */
public final class ResultTable {

    private static final String[] BASELINES = { "raw", "msgpack", "grpc-direct" };

    private final Results results;

    private final List<String> patternOrder;

    public ResultTable(Results results, List<String> patternOrder) {
        this.results = results;
        this.patternOrder = patternOrder;
    }

    /** The table of every cell. */
    public String cells() {
        StringBuilder out = new StringBuilder();
        out.append("| pattern | target | req/s | p50 us | p99 us | srv CPU us/req | srv I/O us/req | cli CPU us/req ")
            .append("| x raw | x msgpack | x grpc-direct | errors |\n")
            .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String pattern : patternOrder) {
            for (String[] cell : results.cells()) {
                if (cell[1].equals(pattern)) {
                    row(out, cell[0], pattern);
                }
            }
        }
        return out.toString();
    }

    private void row(StringBuilder out, String target, String pattern) {
        out.append("| ").append(pattern).append(" | ").append(target)
            .append(" | ").append(format("%,.0f", results.median(target, pattern, r -> r.requestsPerSecond())))
            .append(" | ").append(format("%,.0f", results.median(target, pattern, r -> r.p50Micros())))
            .append(" | ").append(format("%,.0f", results.median(target, pattern, r -> r.p99Micros())))
            .append(" | ").append(format("%.1f", results.median(target, pattern, r -> r.serverCpuMicrosPerRequest())))
            .append(" | ").append(format("%.1f",
                    results.median(target, pattern, r -> r.serverIoThreadCpuMicrosPerRequest())))
            .append(" | ").append(format("%.1f", results.median(target, pattern, r -> r.clientCpuMicrosPerRequest())));
        for (String baseline : BASELINES) {
            out.append(" | ").append(format("%.2f", results.pairedRatio(target, pattern, baseline)));
        }
        out.append(" | ").append(results.errors(target, pattern)).append(" |\n");
    }

    /**
     * One row per pattern in which both targets of a pair ran: each one's requests/s and their ratio, paired per
     * round; empty when no pair ran. Each pair is {target, reference}.
     */
    public String comparisons(List<String[]> pairs) {
        StringBuilder rows = new StringBuilder();
        for (String[] pair : pairs) {
            for (String pattern : patternOrder) {
                if (has(pair[0], pattern) && has(pair[1], pattern)) {
                    rows.append("| ").append(pattern).append(" | ").append(pair[0]).append(" | ")
                        .append(format("%,.0f", results.median(pair[0], pattern, r -> r.requestsPerSecond())))
                        .append(" | ").append(pair[1]).append(" | ")
                        .append(format("%,.0f", results.median(pair[1], pattern, r -> r.requestsPerSecond())))
                        .append(" | ").append(format("%.2f", results.pairedRatio(pair[0], pattern, pair[1])))
                        .append(" |\n");
                }
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "| pattern | target | req/s | compared with | req/s | ratio |\n|---|---|---:|---|---:|---:|\n" + rows;
    }

    private boolean has(String target, String pattern) {
        return results.cells().stream().anyMatch(cell -> cell[0].equals(target) && cell[1].equals(pattern));
    }

    /** The table of bars: each bar's ratio for {@code primary} (judged) and for {@code reference} (shown). */
    public String bars(List<Bar> bars, String primary, String reference) {
        StringBuilder out = new StringBuilder();
        out.append("| bar | ").append(primary).append(" | met? | ").append(reference).append(" |\n")
            .append("|---|---:|---|---:|\n");
        for (Bar bar : bars) {
            String measured = bar.baseline() == null ? bar.target() : primary;
            double ratio = bar.ratio(results, measured);
            String verdict = verdict(bar, ratio);
            String shown = bar.baseline() == null ? "-" : format("%.2f", bar.ratio(results, reference));
            out.append("| ").append(bar.text()).append(" | ").append(format("%.2f", ratio)).append(" | ")
                .append(verdict).append(" | ").append(shown).append(" |\n");
        }
        return out.toString();
    }

    /** The table of bars each judged for its own target. */
    public String targetBars(List<Bar> bars) {
        StringBuilder out = new StringBuilder("| bar | target | ratio | met? |\n|---|---|---:|---|\n");
        for (Bar bar : bars) {
            double ratio = bar.ratio(results, bar.target());
            out.append("| ").append(bar.text()).append(" | ").append(bar.target()).append(" | ")
                .append(format("%.2f", ratio)).append(" | ").append(verdict(bar, ratio)).append(" |\n");
        }
        return out.toString();
    }

    /** "not run" when the bar's cells did not run, else whether {@code ratio} meets it. */
    private static String verdict(Bar bar, double ratio) {
        return Double.isNaN(ratio) ? "not run" : bar.isMet(ratio) ? "**met**" : "**missed**";
    }

    private static String format(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
    }

}
