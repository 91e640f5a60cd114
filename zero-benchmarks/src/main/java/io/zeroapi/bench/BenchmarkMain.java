package io.zeroapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zeroapi.bench.load.TargetClient;
import io.zeroapi.bench.measure.ServerProcess;
import io.zeroapi.bench.report.MachineInfo;
import io.zeroapi.bench.report.ResultTable;
import io.zeroapi.bench.report.Results;
import org.zeromq.ZContext;

/**
 * Entry point of the benchmark: starts every selected target's server in its own JVM, connects the clients in
 * this JVM, runs a discarded warm-up round and then the measured rounds with cells interleaved round-robin,
 * prints the markdown table and writes it to a file. Every server is stopped on exit, also on failure.
 */
public final class BenchmarkMain {

    private static final long PORT_TIMEOUT_SECONDS = 120;

    private static final long WATCHDOG_MINUTES = 20;

    private final BenchmarkOptions options;

    private final List<ServerProcess> servers = new ArrayList<>();

    private final List<TargetClient> clients = new ArrayList<>();

    private BenchmarkMain(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage().isEmpty() ? BenchmarkOptions.USAGE : ex.getMessage() + "\n"
                    + BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        BenchmarkMain benchmark = new BenchmarkMain(options);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopAll, "stop-servers"));
        startWatchdog();
        try {
            benchmark.run();
        }
        finally {
            benchmark.stopAll();
        }
        System.exit(0);
    }

    private static void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(WATCHDOG_MINUTES * 60_000);
                System.err.println("Benchmark still running after " + WATCHDOG_MINUTES + " minutes: giving up");
                System.exit(3);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void run() throws Exception {
        MachineInfo machine = MachineInfo.current();
        try (ZContext context = new ZContext(1); ZContext zeroContext = new ZContext(1)) {
            List<Cell> cells = new ArrayList<>();
            Map<Target, ServerProcess> running = new LinkedHashMap<>();
            List<Target> targets = new ArrayList<>(Targets.all(context, zeroContext));
            Targets.experiments(context).stream().filter(t -> options.targets().contains(t.id())).forEach(targets::add);
            for (Target target : targets) {
                List<Cell> selected = target.patterns().stream()
                    .map(pattern -> new Cell(target, pattern))
                    .filter(options::selects)
                    .toList();
                if (!selected.isEmpty()) {
                    cells.addAll(selected);
                    running.put(target, startServer(target));
                }
            }
            Map<Target, TargetClient> targetClients = new LinkedHashMap<>();
            Map<Target, Long> pids = new LinkedHashMap<>();
            for (Map.Entry<Target, ServerProcess> entry : running.entrySet()) {
                int port = entry.getValue().awaitPort(PORT_TIMEOUT_SECONDS);
                TargetClient client = entry.getKey().clients().open(port);
                clients.add(client);
                targetClients.put(entry.getKey(), client);
                pids.put(entry.getKey(), entry.getValue().pid());
                log("%s listening on port %d (pid %d)", entry.getKey().id(), port, entry.getValue().pid());
            }
            Results results = new RoundRobin(options, targetClients, pids, BenchmarkMain::log).run(cells);
            stopAll();
            write(machine, results);
        }
    }

    private ServerProcess startServer(Target target) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xms256m", "-Xmx512m"));
        if (options.jfrDirectory() != null) {
            Files.createDirectories(options.jfrDirectory());
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + options.jfrDirectory().resolve(target.id() + ".jfr").toAbsolutePath());
        }
        ServerProcess server = ServerProcess.start(target.id(), jvm, target.mainClass(), target.args(),
                logDirectory());
        servers.add(server);
        return server;
    }

    private Path logDirectory() {
        Path parent = options.output().toAbsolutePath().getParent();
        return parent.resolve("server-logs");
    }

    private void write(MachineInfo machine, Results results) throws IOException {
        ResultTable table = new ResultTable(results, RoundRobin.PATTERN_ORDER);
        String markdown = "### Zero for Spring benchmark\n\n" + machine.describe() + "\n"
                + "Medians of " + options.rounds() + " rounds (" + options.windowSeconds() + " s windows after "
                + options.warmupSeconds() + " s warm-up, cells interleaved round-robin); ratios are medians of "
                + "per-round ratios.\n\n" + table.cells() + "\n" + table.bars(Bars.ISSUE_6, "zero", "zero-sync");
        System.out.println(markdown);
        Files.createDirectories(options.output().toAbsolutePath().getParent());
        Files.writeString(options.output(), markdown);
        log("table written to %s", options.output());
    }

    private synchronized void stopAll() {
        for (TargetClient client : clients) {
            try {
                client.close();
            }
            catch (RuntimeException ex) {
                log("closing a client failed: %s", ex);
            }
        }
        clients.clear();
        servers.forEach(ServerProcess::close);
        servers.clear();
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }

}
