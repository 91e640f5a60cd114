package io.zeroapi.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Python client on libzmq (pyzmq, what Python Zero's client is built on) answers the server's ZMTP heartbeats: it
 * idles across many heartbeat timeouts without being disconnected. Skipped where {@code python3} with pyzmq and
 * msgpack is not installed ({@code .ci/run} installs them).
 */
class PythonHeartbeatTests {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private ZeroServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    @Test
    void shouldKeepAnIdlePythonClientConnected() throws Exception {
        String python3 = pythonWithPyzmq();
        assumeTrue(python3 != null, "python3 with pyzmq and msgpack is not installed");
        server = RobustServers.start(new RobustFunctions(), workers, ZeroServerSettings.defaults("127.0.0.1", 0)
            .withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(300)));
        Path script = Path.of(PythonHeartbeatTests.class.getResource("/python/heartbeat_client.py").toURI());
        Process python = new ProcessBuilder(python3, script.toString(), Integer.toString(server.port()), "2")
            .redirectErrorStream(true)
            .start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python client finished").isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo("disconnects=0 before=echo:before after=echo:after");
    }

    /** The first of {@code python3} on the path and Debian's {@code /usr/bin/python3} that has pyzmq and msgpack. */
    private static String pythonWithPyzmq() throws InterruptedException {
        for (String candidate : new String[] { "python3", "/usr/bin/python3" }) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import zmq, msgpack").redirectErrorStream(true)
                    .start();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            }
            catch (IOException ex) {
                // not installed: try the next one
            }
        }
        return null;
    }
}
