package io.zeroapi.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.zeroapi.ZeroException;
import io.zeroapi.client.ZeroAddress;

/**
 * Command-line options of the benchmark, with defaults that keep a full run under five minutes.
 *
 * @param rounds measured rounds per cell (the table shows medians)
 * @param windowSeconds length of each measuring window
 * @param warmupSeconds traffic before each window, not measured
 * @param initialWarmupSeconds traffic per cell in the discarded warm-up round (JIT, gRPC settling)
 * @param targets target ids to run (empty: all, or none when there are external servers)
 * @param patterns pattern ids to run (empty: all)
 * @param output markdown file the table is written to (the chart goes next to it, as {@code .svg})
 * @param jfrDirectory when set, each server records a JFR profile there
 * @param externals servers the benchmark did not start, each measured as a target of its own
 */
public record BenchmarkOptions(int rounds, double windowSeconds, double warmupSeconds, double initialWarmupSeconds,
        Set<String> targets, Set<String> patterns, Path output, Path jfrDirectory, List<External> externals) {

    /** Id of an external target given without a name. */
    static final String EXTERNAL = "external";

    static final String USAGE = """
            Usage: java -jar zero-benchmarks/target/zero-benchmarks.jar [options]
              --rounds N            measured rounds, cells interleaved round-robin (default 3)
              --window SECONDS      measuring window per cell and round (default 1.2)
              --warmup SECONDS      traffic before each window (default 0.4)
              --initial-warmup S    traffic per cell in the discarded first round (default 2.0)
              --targets a,b         only these targets (raw, msgpack, zero, zero-sync, zero-async, zero-x2,
                                    zero-tcp, zero-tcp-sync, grpc, grpc-direct; experiments: msgpack-poll,
                                    msgpack-poll1, zero-raw)
              --patterns a,b        only these patterns (c1, w16, w128, s16, async128)
              --external [NAME=]tcp://host:port[,tcp://host:port...]
                                    also drive a server this benchmark did not start (e.g. a Python Zero
                                    server serving echo) with the Zero client, as target NAME (default
                                    external); several addresses: one client over all; repeatable; with it,
                                    local targets run only when named in --targets
              --out FILE            markdown output (default zero-benchmarks/target/results.md), chart
                                    next to it (.svg)
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
        List<External> externals = new ArrayList<>();
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
                case "--external" -> externals.add(External.parse(value, externals));
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (rounds < 1 || window <= 0 || warmup < 0 || initialWarmup < 0) {
            throw new IllegalArgumentException("Rounds must be >= 1, windows > 0 and warm-ups >= 0");
        }
        return new BenchmarkOptions(rounds, window, warmup, initialWarmup, targets, patterns, output, jfr,
                List.copyOf(externals));
    }

    private static Set<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * Whether a cell is selected by the target and pattern filters: an external target's cells by the patterns
     * alone; a started target's when {@code --targets} names it, or, without {@code --targets}, when no external
     * server was given.
     */
    boolean selects(Cell cell) {
        boolean target = cell.target().isExternal() || (targets.isEmpty() ? externals.isEmpty()
                : targets.contains(cell.target().id()));
        return target && (patterns.isEmpty() || patterns.contains(cell.pattern().id()));
    }

    /**
     * A server the benchmark did not start, given as {@code --external [NAME=]ADDRESS[,ADDRESS...]}.
     *
     * @param id the target id in the table
     * @param addresses its addresses, {@code tcp://host:port} or {@code host:port} each
     */
    record External(String id, List<String> addresses) {

        private static final String ID = "[a-z0-9][a-z0-9-]*";

        static External parse(String value, List<External> earlier) {
            int equals = value.indexOf('=');
            String id = equals < 0 ? null : value.substring(0, equals).trim();
            String address = equals < 0 ? value : value.substring(equals + 1);
            if (id != null && !id.matches(ID)) {
                throw new IllegalArgumentException("--external " + value + ": the name '" + id
                        + "' must be lower-case letters, digits and dashes");
            }
            if (id == null) {
                id = earlier.isEmpty() ? EXTERNAL : EXTERNAL + "-" + (earlier.size() + 1);
            }
            try {
                ZeroAddress.checkAll(address);
            }
            catch (ZeroException ex) {
                throw new IllegalArgumentException("--external " + value + ": " + ex.getMessage());
            }
            if (Targets.isBuiltIn(id)) {
                throw new IllegalArgumentException("--external " + value + ": '" + id
                        + "' is the id of a target the benchmark starts; give the external server another name");
            }
            String chosen = id;
            if (earlier.stream().anyMatch(external -> external.id().equals(chosen))) {
                throw new IllegalArgumentException("--external " + value + ": the name '" + id
                        + "' is given twice; name each external server (NAME=tcp://host:port)");
            }
            return new External(id, Arrays.stream(address.split(",")).map(String::trim).toList());
        }

    }

}
