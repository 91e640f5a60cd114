package io.zeroapi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.zeroapi.bench.load.TargetClient;
import io.zeroapi.bench.measure.CellRunner;
import io.zeroapi.bench.measure.RoundResult;
import io.zeroapi.bench.report.Results;

/**
 * Runs the cells: one discarded warm-up round (JIT, gRPC settling), then the measured rounds, each visiting
 * every cell once in an order rotated from round to round, so drift of the machine hits every cell alike.
 */
final class RoundRobin {

    /** Order of the patterns in the table. */
    static final List<String> PATTERN_ORDER = Pattern.ALL.stream().map(Pattern::id).toList();

    private static final double WARMUP_WINDOW_SECONDS = 0.2;

    /** Receives progress lines. */
    interface Log {

        void log(String format, Object... args);

    }

    private final BenchmarkOptions options;

    private final Map<Target, TargetClient> clients;

    private final Map<Target, List<Long>> serverPids;

    private final Log log;

    private final CellRunner runner = new CellRunner();

    RoundRobin(BenchmarkOptions options, Map<Target, TargetClient> clients, Map<Target, List<Long>> serverPids,
            Log log) {
        this.options = options;
        this.clients = clients;
        this.serverPids = serverPids;
        this.log = log;
    }

    Results run(List<Cell> cells) {
        Results results = new Results(options.rounds());
        cells.forEach(cell -> results.declare(cell.target().id(), cell.pattern().id()));
        log.log("warm-up round: %d cells x %.1f s", cells.size(), options.initialWarmupSeconds());
        for (Cell cell : cells) {
            RoundResult result = measure(cell, options.initialWarmupSeconds(), WARMUP_WINDOW_SECONDS);
            log.log("  warm-up %-22s %,10.0f req/s", cell.name(), result.requestsPerSecond());
        }
        for (int round = 0; round < options.rounds(); round++) {
            List<Cell> order = new ArrayList<>(cells);
            Collections.rotate(order, -round * Math.max(1, cells.size() / options.rounds()));
            log.log("round %d of %d", round + 1, options.rounds());
            for (Cell cell : order) {
                RoundResult result = measure(cell, options.warmupSeconds(), options.windowSeconds());
                results.put(cell.target().id(), cell.pattern().id(), round, result);
                log.log("  %-22s %,10.0f req/s  p50 %,7.0f us  p99 %,8.0f us  srv %6.1f (I/O %5.1f)  cli %6.1f us/req"
                        + "  err %d", cell.name(), result.requestsPerSecond(), result.p50Micros(), result.p99Micros(),
                        result.serverCpuMicrosPerRequest(), result.serverIoThreadCpuMicrosPerRequest(),
                        result.clientCpuMicrosPerRequest(), result.errors());
            }
        }
        return results;
    }

    private RoundResult measure(Cell cell, double warmupSeconds, double windowSeconds) {
        try {
            return runner.run(cell.pattern().open(clients.get(cell.target())), serverPids.get(cell.target()),
                    warmupSeconds, windowSeconds);
        }
        catch (Exception ex) {
            log.log("  %s failed: %s", cell.name(), ex);
            return RoundResult.failed();
        }
    }

}
