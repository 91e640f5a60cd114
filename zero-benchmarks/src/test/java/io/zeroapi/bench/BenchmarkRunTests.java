package io.zeroapi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.zeroapi.ZeroRpc;
import io.zeroapi.bench.report.Results;
import io.zeroapi.bench.server.User;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short real runs of the benchmark (one round of fractions of a second per cell): against servers it did not
 * start, and with two servers it starts for one client.
 */
@Timeout(180)
class BenchmarkRunTests {

    private static final String[] SHORT = { "--rounds", "1", "--window", "0.2", "--warmup", "0.1",
            "--initial-warmup", "0.1" };

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final List<ZeroServer> servers = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void stopServers() {
        servers.forEach(ZeroServer::close);
        workers.shutdownNow();
    }

    @Test
    void shouldDriveExternalServersWithOneClientOverAllOfThem() throws Exception {
        CountingEcho first = new CountingEcho();
        CountingEcho second = new CountingEcho();
        String addresses = address(start(first)) + "," + address(start(second));
        Path out = directory.resolve("results.md");
        Results results = BenchmarkMain.run(options("--external", "both=" + addresses, "--patterns", "c1,w16",
                "--out", out.toString()));

        assertThat(results.cells()).extracting(cell -> cell[0] + "/" + cell[1]).containsExactly("both/c1", "both/w16");
        assertThat(results.median("both", "w16", r -> r.requestsPerSecond())).isPositive();
        assertThat(results.errors("both", "c1") + results.errors("both", "w16")).isZero();
        assertThat(first.calls.get()).isPositive();
        assertThat(second.calls.get()).isPositive();
        assertThat(Files.readString(out)).contains("| c1 | both |", "| w16 | both |").doesNotContain("| bar |");
        assertThat(Files.readString(directory.resolve("results.svg"))).startsWith("<?xml")
            .contains("w16: 16 calls in flight, one client", ">both</text>");
    }

    @Test
    void shouldStartTwoServersForOneClientAndCompareThemWithOne() throws Exception {
        Path out = directory.resolve("two.md");
        Results results = BenchmarkMain.run(options("--targets", "zero,zero-x2", "--patterns", "w128", "--out",
                out.toString()));

        assertThat(results.median("zero-x2", "w128", r -> r.requestsPerSecond())).isPositive();
        assertThat(results.median("zero-x2", "w128", r -> r.serverCpuMicrosPerRequest())).isPositive();
        assertThat(results.errors("zero-x2", "w128")).isZero();
        assertThat(directory.resolve("server-logs/zero-x2-1.log")).exists();
        assertThat(directory.resolve("server-logs/zero-x2-2.log")).exists();
        assertThat(Files.readString(out)).contains("| w128 | zero-x2 |", "| w128 | zero-x2 | ", " | zero | ")
            .contains("| bar |");
        assertThat(directory.resolve("two.svg")).exists();
    }

    private BenchmarkOptions options(String... args) {
        List<String> all = new ArrayList<>(List.of(SHORT));
        all.addAll(List.of(args));
        return BenchmarkOptions.parse(all.toArray(String[]::new));
    }

    private ZeroServer start(CountingEcho echo) {
        ZeroServer server = ZeroServer.builder()
            .endpoints(ZeroRpcEndpointRegistry.of(echo))
            .workers(workers)
            .settings(ZeroServerSettings.defaults("127.0.0.1", 0))
            .build();
        servers.add(server);
        server.start();
        return server;
    }

    private static String address(ZeroServer server) {
        return "tcp://127.0.0.1:" + server.port();
    }

    /** An echo that counts the calls it answered. */
    public static class CountingEcho {

        final AtomicInteger calls = new AtomicInteger();

        @ZeroRpc(value = "echo", nonBlocking = true)
        public User echo(User user) {
            calls.incrementAndGet();
            return user;
        }

    }

}
