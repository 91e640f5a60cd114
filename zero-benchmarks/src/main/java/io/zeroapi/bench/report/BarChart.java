package io.zeroapi.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as an SVG bar chart: one panel per pattern, each with its own scale (one blocking caller makes
 * thousands of calls per second, 128 in flight hundreds of thousands), one horizontal bar per target with the
 * median calls/s written at its end. A target keeps its colour in every panel. Plain SVG 1.1, no script, no
 * external font or style sheet, so it shows inline on GitHub and in any browser.
 */
public final class BarChart {

    private static final int WIDTH = 760;

    private static final int LABEL_WIDTH = 130;

    private static final int BAR_SPACE = 500;

    private static final int ROW = 20;

    private static final int BAR_HEIGHT = 14;

    private static final int CAPTION_CHARACTERS = 120;

    private static final String[] COLOURS = { "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac" };

    private final Results results;

    private final Map<String, String> patterns;

    private final String caption;

    /**
     * A chart of {@code results}, with a panel for each of {@code patterns} that ran (pattern id to its title, in
     * panel order) and {@code caption} (e.g. the machine) under the title.
     */
    public BarChart(Results results, Map<String, String> patterns, String caption) {
        this.results = results;
        this.patterns = new LinkedHashMap<>(patterns);
        this.caption = caption;
    }

    /** The chart as an SVG document. */
    public String svg() {
        Map<String, String> colours = colours();
        StringBuilder body = new StringBuilder();
        int y = 28;
        body.append(text(12, y, "start", "title", "Zero for Spring benchmark: calls/s, median of " + results.rounds()
                + (results.rounds() == 1 ? " round" : " rounds")));
        for (String line : wrap(caption)) {
            y += 16;
            body.append(text(12, y, "start", "caption", line));
        }
        y += 12;
        for (Map.Entry<String, String> pattern : patterns.entrySet()) {
            List<String> targets = targets(pattern.getKey());
            if (targets.isEmpty()) {
                continue;
            }
            y += 26;
            body.append(text(12, y, "start", "panel", pattern.getKey() + ": " + pattern.getValue()));
            y += 8;
            double max = targets.stream().mapToDouble(target -> rate(target, pattern.getKey()))
                .filter(Double::isFinite).max().orElse(0);
            for (String target : targets) {
                double rate = rate(target, pattern.getKey());
                int top = y + (ROW - BAR_HEIGHT) / 2;
                int baseline = y + ROW / 2 + 4;
                body.append(text(LABEL_WIDTH - 8, baseline, "end", "label", target));
                if (Double.isFinite(rate) && max > 0) {
                    int width = Math.max(1, (int) Math.round(rate / max * BAR_SPACE));
                    body.append(String.format(Locale.ROOT,
                            "  <rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                                    + "<title>%s</title></rect>%n",
                            LABEL_WIDTH, top, width, BAR_HEIGHT, colours.get(target),
                            escape(target + " " + pattern.getKey() + ": " + perSecond(rate))));
                    body.append(text(LABEL_WIDTH + width + 6, baseline, "start", "value", perSecond(rate)));
                }
                else {
                    body.append(text(LABEL_WIDTH + 6, baseline, "start", "value", "failed"));
                }
                y += ROW;
            }
        }
        int height = y + 16;
        return String.format(Locale.ROOT, """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" \
                aria-label="Zero for Spring benchmark: calls per second per pattern and target">
                  <style>
                    text { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; fill: #24292f; }
                    .title { font-size: 16px; font-weight: bold; }
                    .caption { font-size: 11px; fill: #57606a; }
                    .panel { font-size: 13px; font-weight: bold; }
                    .label, .value { font-size: 12px; }
                  </style>
                  <rect width="100%%" height="100%%" fill="#ffffff"/>
                """, WIDTH, height, WIDTH, height) + body + "</svg>\n";
    }

    /** The targets measured in {@code pattern}, in table order. */
    private List<String> targets(String pattern) {
        List<String> targets = new ArrayList<>();
        for (String[] cell : results.cells()) {
            if (cell[1].equals(pattern)) {
                targets.add(cell[0]);
            }
        }
        return targets;
    }

    /** One colour per target, in order of first appearance, the same in every panel. */
    private Map<String, String> colours() {
        Map<String, String> colours = new LinkedHashMap<>();
        for (String[] cell : results.cells()) {
            colours.computeIfAbsent(cell[0], target -> COLOURS[colours.size() % COLOURS.length]);
        }
        return colours;
    }

    private double rate(String target, String pattern) {
        return results.median(target, pattern, r -> r.requestsPerSecond());
    }

    private static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%,.0f/s", rate);
    }

    private static String text(int x, int y, String anchor, String style, String content) {
        return String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"%s\" class=\"%s\">%s</text>%n", x,
                y, anchor, style, escape(content));
    }

    /** The caption cut into lines of at most about {@value #CAPTION_CHARACTERS} characters, at spaces. */
    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > CAPTION_CHARACTERS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }

}
