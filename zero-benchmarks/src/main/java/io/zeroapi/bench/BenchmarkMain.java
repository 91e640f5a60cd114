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
import io.zeroapi.bench.report.BarChart;
import io.zeroapi.bench.report.MachineInfo;
import io.zeroapi.bench.report.ResultTable;
import io.zeroapi.bench.report.Results;
import org.zeromq.ZContext;

/**
 * Entry point of the benchmark: starts every selected target's servers in JVMs of their own (external servers are
 * already running), connects the clients in this JVM, runs a discarded warm-up round and then the measured rounds
 * with cells interleaved round-robin, prints the markdown table and writes it to a file with an SVG bar chart next
 * to it. Every server it started is stopped on exit, also on failure.
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
        startWatchdog();
        run(options);
        System.exit(0);
    }

    /**
     * Runs the benchmark: starts the servers, measures every selected cell, writes the table and the chart and
     * stops every server it started (also on failure or when the JVM is stopped).
     */
    static Results run(BenchmarkOptions options) throws Exception {
        BenchmarkMain benchmark = new BenchmarkMain(options);
        Thread hook = new Thread(benchmark::stopAll, "stop-servers");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return benchmark.run();
        }
        finally {
            benchmark.stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (IllegalStateException ex) {
                // the JVM is stopping: the hook runs anyway
            }
        }
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

    private Results run() throws Exception {
        MachineInfo machine = MachineInfo.current();
        try (ZContext context = new ZContext(1); ZContext zeroContext = new ZContext(1)) {
            List<Cell> cells = new ArrayList<>();
            Map<Target, List<ServerProcess>> running = new LinkedHashMap<>();
            for (Target target : targets(context, zeroContext)) {
                List<Cell> selected = target.patterns().stream()
                    .map(pattern -> new Cell(target, pattern))
                    .filter(options::selects)
                    .toList();
                if (!selected.isEmpty()) {
                    cells.addAll(selected);
                    running.put(target, startServers(target));
                }
            }
            Map<Target, TargetClient> targetClients = new LinkedHashMap<>();
            Map<Target, List<Long>> pids = new LinkedHashMap<>();
            for (Map.Entry<Target, List<ServerProcess>> entry : running.entrySet()) {
                Target target = entry.getKey();
                List<String> addresses = addresses(target, entry.getValue());
                TargetClient client = target.clients().open(addresses);
                clients.add(client);
                targetClients.put(target, client);
                pids.put(target, entry.getValue().stream().map(ServerProcess::pid).toList());
                log("%s at %s (%s)", target.id(), String.join(",", addresses),
                        target.isExternal() ? "not started here" : "pid " + pids.get(target));
            }
            Results results = new RoundRobin(options, targetClients, pids, BenchmarkMain::log).run(cells);
            stopAll();
            write(machine, results);
            return results;
        }
    }

    /** The default targets, the experiments named in {@code --targets} and the external servers, in table order. */
    private List<Target> targets(ZContext context, ZContext zeroContext) {
        List<Target> targets = new ArrayList<>(Targets.all(context, zeroContext));
        Targets.experiments(context).stream().filter(t -> options.targets().contains(t.id())).forEach(targets::add);
        for (BenchmarkOptions.External external : options.externals()) {
            targets.add(Targets.external(external.id(), external.addresses(), Targets.standardPatterns(),
                    zeroContext));
        }
        return targets;
    }

    private List<ServerProcess> startServers(Target target) throws IOException {
        if (!(target.servers() instanceof Target.Servers.Started started)) {
            return List.of();
        }
        List<ServerProcess> processes = new ArrayList<>();
        for (int instance = 1; instance <= started.instances(); instance++) {
            String name = started.instances() == 1 ? target.id() : target.id() + "-" + instance;
            processes.add(startServer(name, started));
        }
        return processes;
    }

    /** The addresses of a target's servers: as given for an external one, else each started server's port. */
    private static List<String> addresses(Target target, List<ServerProcess> processes) throws IOException {
        if (target.servers() instanceof Target.Servers.External external) {
            return external.addresses();
        }
        List<String> addresses = new ArrayList<>();
        for (ServerProcess process : processes) {
            addresses.add("tcp://127.0.0.1:" + process.awaitPort(PORT_TIMEOUT_SECONDS));
        }
        return addresses;
    }

    private ServerProcess startServer(String name, Target.Servers.Started server) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xms256m", "-Xmx512m"));
        if (options.jfrDirectory() != null) {
            Files.createDirectories(options.jfrDirectory());
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + options.jfrDirectory().resolve(name + ".jfr").toAbsolutePath());
        }
        ServerProcess process = ServerProcess.start(name, jvm, server.mainClass(), server.args(), logDirectory());
        servers.add(process);
        return process;
    }

    private Path logDirectory() {
        Path parent = options.output().toAbsolutePath().getParent();
        return parent.resolve("server-logs");
    }

    private void write(MachineInfo machine, Results results) throws IOException {
        ResultTable table = new ResultTable(results, RoundRobin.PATTERN_ORDER);
        Path chart = chartPath(options.output());
        StringBuilder markdown = new StringBuilder("### Zero for Spring benchmark\n\n").append(machine.describe())
            .append("\nMedians of ").append(options.rounds()).append(" rounds (").append(options.windowSeconds())
            .append(" s windows after ").append(options.warmupSeconds())
            .append(" s warm-up, cells interleaved round-robin); ratios are medians of per-round ratios. Chart: ")
            .append(chart.getFileName()).append(".\n\n").append(table.cells());
        String comparisons = table.comparisons(comparisons());
        if (!comparisons.isEmpty()) {
            markdown.append("\n").append(comparisons);
        }
        if (results.cells().stream().anyMatch(cell -> cell[0].equals(Targets.ZERO))) {
            markdown.append("\n").append(table.bars(Bars.ISSUE_6, Targets.ZERO, "zero-sync"));
        }
        if (results.cells().stream().anyMatch(cell -> cell[0].startsWith(Targets.ZERO))) {
            markdown.append("\n").append(table.targetBars(Bars.ISSUE_15));
        }
        System.out.println(markdown);
        Files.createDirectories(options.output().toAbsolutePath().getParent());
        Files.writeString(options.output(), markdown);
        Files.writeString(chart, new BarChart(results, patternTitles(), machine.describe()).svg());
        log("table written to %s, chart to %s", options.output(), chart);
    }

    /** The pairs compared in their own table: two instances against one, each external server against Zero's. */
    private List<String[]> comparisons() {
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] { Targets.ZERO_X2, Targets.ZERO });
        for (BenchmarkOptions.External external : options.externals()) {
            pairs.add(new String[] { external.id(), Targets.ZERO });
            pairs.add(new String[] { external.id(), "zero-sync" });
        }
        return pairs;
    }

    private static Map<String, String> patternTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        Pattern.ALL.forEach(pattern -> titles.put(pattern.id(), pattern.description()));
        return titles;
    }

    /** Where the chart goes: next to the markdown table, {@code results.md} giving {@code results.svg}. */
    static Path chartPath(Path table) {
        String name = table.getFileName().toString();
        String base = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return table.resolveSibling(base + ".svg");
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
