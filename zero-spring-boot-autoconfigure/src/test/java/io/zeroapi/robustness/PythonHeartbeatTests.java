package io.zeroapi.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionSettings;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import io.zeroapi.testing.TestClients;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Python peers on libzmq (pyzmq, what Python Zero is built on) answer ZMTP heartbeats: a Python client idles across
 * many of the server's heartbeat timeouts without being disconnected, and our client idles across many of its own
 * against a Python server without losing its connection. Skipped where {@code python3} with pyzmq and
 * msgpack is not installed ({@code .ci/run} installs them).
 */
@ExtendWith(OutputCaptureExtension.class)
class PythonHeartbeatTests {

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

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
        server = TestServers.start(new RobustFunctions(), workers, ZeroServerSettings.defaults("127.0.0.1", 0)
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

    @Test
    void shouldKeepAnIdleConnectionToAPythonServerWithHeartbeats(CapturedOutput output) throws Exception {
        String python3 = pythonWithPyzmq();
        assumeTrue(python3 != null, "python3 with pyzmq and msgpack is not installed");
        Path script = Path.of(PythonHeartbeatTests.class.getResource("/python/echo_server.py").toURI());
        Process python = ChildProcesses.start(List.of(python3, script.toString()));
        try (ZeroConnection connection = new ZeroConnection(() -> "tcp://127.0.0.1:" + ChildProcesses.readPort(python),
                ZeroConnectionSettings.defaults().withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(300)))) {
            DefaultAsyncZeroClient client = TestClients.async(connection, Duration.ofSeconds(10));
            assertThat(client.call("echo", "before").get(30, TimeUnit.SECONDS)).isEqualTo("before");
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(client.call("echo", "after").get(30, TimeUnit.SECONDS)).isEqualTo("after");
            assertThat(output.getAll()).doesNotContain("lost its connection");
        }
        finally {
            ChildProcesses.stop(python);
        }
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
