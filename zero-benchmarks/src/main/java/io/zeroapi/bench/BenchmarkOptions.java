package io.zeroapi.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Command-line options of the benchmark, with defaults that keep a full run under five minutes.
 *
 * @param rounds measured rounds per cell (the table shows medians)
 * @param windowSeconds length of each measuring window
 * @param warmupSeconds traffic before each window, not measured
 * @param initialWarmupSeconds traffic per cell in the discarded warm-up round (JIT, gRPC settling)
 * @param targets target ids to run (empty: all)
 * @param patterns pattern ids to run (empty: all)
 * @param output markdown file the table is written to
 * @param jfrDirectory when set, each server records a JFR profile there
 */
public record BenchmarkOptions(int rounds, double windowSeconds, double warmupSeconds, double initialWarmupSeconds,
        Set<String> targets, Set<String> patterns, Path output, Path jfrDirectory) {

    static final String USAGE = """
            Usage: java -jar zero-benchmarks/target/zero-benchmarks.jar [options]
              --rounds N            measured rounds, cells interleaved round-robin (default 3)
              --window SECONDS      measuring window per cell and round (default 1.2)
              --warmup SECONDS      traffic before each window (default 0.4)
              --initial-warmup S    traffic per cell in the discarded first round (default 2.0)
              --targets a,b         only these targets (raw, msgpack, zero, zero-sync, zero-async, zero-tcp,
                                    zero-tcp-sync, grpc,
                                    grpc-direct; experiments: msgpack-poll, zero-raw)
              --patterns a,b        only these patterns (c1, w16, w128, s16, async128)
              --out FILE            markdown output (default zero-benchmarks/target/results.md)
              --jfr DIR             record a JFR profile of every server into DIR
            """;

    /** Parses the command line; throws {@link IllegalArgumentException} with a message on bad input. */
    static BenchmarkOptions parse(String... args) {
        int rounds = 3;
        double window = 1.2;
        double warmup = 0.4;
        double initialWarmup = 2.0;
        Set<String> targets = Set.of();
        Set<String> patterns = Set.of();
        Path output = Path.of("zero-benchmarks", "target", "results.md");
        Path jfr = null;
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= list.size()) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = list.get(++i);
            switch (option) {
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--window" -> window = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--initial-warmup" -> initialWarmup = Double.parseDouble(value);
                case "--targets" -> targets = split(value);
                case "--patterns" -> patterns = split(value);
                case "--out" -> output = Path.of(value);
                case "--jfr" -> jfr = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (rounds < 1 || window <= 0 || warmup < 0 || initialWarmup < 0) {
            throw new IllegalArgumentException("Rounds must be >= 1, windows > 0 and warm-ups >= 0");
        }
        return new BenchmarkOptions(rounds, window, warmup, initialWarmup, targets, patterns, output, jfr);
    }

    private static Set<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Whether a cell is selected by the target and pattern filters. */
    boolean selects(Cell cell) {
        return (targets.isEmpty() || targets.contains(cell.target().id()))
                && (patterns.isEmpty() || patterns.contains(cell.pattern().id()));
    }

}
