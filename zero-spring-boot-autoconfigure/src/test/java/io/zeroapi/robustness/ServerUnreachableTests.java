package io.zeroapi.robustness;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionSettings;
import io.zeroapi.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client notices a server that stopped answering without closing its connections (its process frozen with
 * SIGSTOP, as a hung host or a network partition would look): the client's heartbeats go unanswered, the call waiting
 * for a reply fails with {@code ZeroConnectionException} long before its own timeout, and once the server answers
 * again (SIGCONT) the same client works without a restart.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(OutputCaptureExtension.class)
class ServerUnreachableTests {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void shouldFailCallsSentToAServerThatStoppedAnsweringWithinTheHeartbeatTimeout(CapturedOutput output)
            throws Exception {
        Process child = ChildProcesses.start(ChildProcesses.java(ChildServer.class, "-Xmx128m"));
        ZeroConnection connection = null;
        try {
            int port = ChildProcesses.readPort(child);
            connection = new ZeroConnection(() -> "tcp://127.0.0.1:" + port, ZeroConnectionSettings.defaults()
                .withHeartbeat(Duration.ofMillis(200), Duration.ofMillis(800)));
            DefaultAsyncZeroClient client = TestClients.async(connection, CALL_TIMEOUT);
            assertThat(client.call("echo", "before").get(30, TimeUnit.SECONDS)).isEqualTo("echo:before");

            CompletableFuture<Object> held = client.call("held", "frozen");
            signal(child, "STOP");
            long start = System.nanoTime();
            Throwable failure = failureOf(held);
            Duration detected = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("ServerUnreachableTests: frozen server noticed after " + detected.toMillis() + " ms");
            assertThat(failure).isInstanceOf(ZeroConnectionException.class).hasMessageContaining("connection lost");
            assertThat(detected).isLessThan(CALL_TIMEOUT.dividedBy(2));

            signal(child, "CONT");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> "echo:after".equals(client.call("echo", "after").get(5, TimeUnit.SECONDS)));
            assertThat(output.getAll()).contains("Zero client lost its connection to tcp://127.0.0.1:" + port)
                .contains("Zero client connected to tcp://127.0.0.1:" + port + " again");
        }
        finally {
            signal(child, "CONT");
            if (connection != null) {
                connection.close();
            }
            ChildProcesses.stop(child);
        }
    }

    private static Throwable failureOf(CompletableFuture<Object> call) throws Exception {
        try {
            call.get(CALL_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            return ex.getCause();
        }
        throw new AssertionError("the call to the frozen server succeeded");
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
    }

}
