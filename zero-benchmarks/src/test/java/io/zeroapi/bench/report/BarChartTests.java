package io.zeroapi.bench.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import io.zeroapi.bench.measure.RoundResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTests {

    private static final Map<String, String> PATTERNS = new LinkedHashMap<>(Map.of("c1", "one blocking caller"));

    static {
        PATTERNS.put("w128", "128 calls in flight, one client");
        PATTERNS.put("s16", "16 blocking threads, one client");
    }

    private final Results results = new Results(1);

    @Test
    void shouldDrawOneBarPerMeasuredCellScaledWithinItsPattern() throws Exception {
        put("msgpack", "c1", 8_000);
        put("zero", "c1", 4_000);
        put("msgpack", "w128", 400_000);
        put("zero", "w128", 100_000);
        Document svg = parse(new BarChart(results, PATTERNS, "Machine: 2 CPUs").svg());
        List<Element> bars = bars(svg);
        assertThat(bars).hasSize(4);
        assertThat(bars).extracting(bar -> bar.getAttribute("width")).containsExactly("500", "250", "500", "125");
        assertThat(text(svg)).contains("c1: one blocking caller", "w128: 128 calls in flight, one client",
                "8,000/s", "100,000/s", "Machine: 2 CPUs").doesNotContain("s16: 16 blocking threads, one client");
    }

    @Test
    void shouldKeepATargetsColourInEveryPanel() throws Exception {
        put("msgpack", "c1", 8_000);
        put("zero", "c1", 4_000);
        put("zero", "w128", 100_000);
        List<Element> bars = bars(parse(new BarChart(results, PATTERNS, "").svg()));
        assertThat(bars.get(2).getAttribute("fill")).isEqualTo(bars.get(1).getAttribute("fill"))
            .isNotEqualTo(bars.get(0).getAttribute("fill"));
    }

    @Test
    void shouldMarkAFailedCellAndEscapeNames() throws Exception {
        results.declare("py<&>", "c1");
        results.put("py<&>", "c1", 0, RoundResult.failed());
        put("zero", "c1", 4_000);
        Document svg = parse(new BarChart(results, PATTERNS, "load \"2.1\"").svg());
        assertThat(bars(svg)).hasSize(1);
        assertThat(text(svg)).contains("py<&>", "failed", "load \"2.1\"");
    }

    private void put(String target, String pattern, double rate) {
        results.declare(target, pattern);
        results.put(target, pattern, 0, new RoundResult(rate, 100, 200, 10, 5, 10, 0));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> bars(Document svg) {
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        List<Element> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").equals("bar")) {
                bars.add(rect);
            }
        }
        return bars;
    }

    private static List<String> text(Document svg) {
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            contents.add(texts.item(i).getTextContent());
        }
        return contents;
    }

}
