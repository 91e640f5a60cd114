package io.zeroapi.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroapi.ZeroMethodNotFoundException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroTimeoutException;
import io.zeroapi.client.ClientProtocol;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.codec.VectorFixtures.User;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.TcpVectorFunctions;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Zero 1.0's TCP protocol against a Python peer written from the protocol description ({@code zero_tcp_peer.py},
 * asyncio and msgpack): a Python client, as Zero's {@code AsyncTCPClient} (ids from 1 per connection, one call at a
 * time per connection), calls our server, and our client calls a Python server that answers one request at a time
 * per connection, as Zero's TCP worker does. Skipped where no {@code python3} with msgpack is installed (Debian's
 * {@code /usr/bin/python3} with {@code python3-msgpack}).
 */
class PythonTcpPeerTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static String python;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private ZeroServer server;

    private Process peer;

    @BeforeAll
    static void findPython() throws InterruptedException {
        python = pythonWithMsgpack();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (peer != null) {
            peer.getOutputStream().close();
            if (!peer.waitFor(10, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
        }
        workers.shutdownNow();
    }

    @Test
    void shouldAnswerAPythonZeroTcpClient() throws Exception {
        assumeTrue(python != null, "no python3 with msgpack is installed (Debian: apt-get install python3-msgpack)");
        server = ZeroServer.builder()
            .endpoints(TestServers.endpoints(new TcpVectorFunctions()))
            .workers(workers)
            .settings(ZeroServerSettings.defaults("127.0.0.1", 0))
            .zeromq(false)
            .tcp(0)
            .build();
        server.start();
        Process client = new ProcessBuilder(python, script(), "client", Integer.toString(server.tcpPort()))
            .redirectErrorStream(true)
            .start();
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).as("python client finished").isTrue();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(client.exitValue()).as(output).isZero();
        JsonNode results = new ObjectMapper().readTree(output.lines().reduce((first, last) -> last).orElseThrow());
        assertReply(results, "echo", 0, "\"Hi\"");
        assertReply(results, "add", 0, "6");
        assertReply(results, "hello", 0, "\"hello world\"");
        assertReply(results, "connect", 0, "\"connected\"");
        assertReply(results, "user", 0, "{\"email\":\"john@example.com\",\"id\":101,\"name\":\"JOHN DOE\"}");
        assertReply(results, "nope", 1, "{\"__zerror__function_not_found\":\"Function `nope` not found!\"}");
        assertReply(results, "fail", 1, "{\"__zerror__server_exception\":\"ValueError('boom')\"}");
        assertReply(results, "invalid", 1, "{\"__zerror__validation_error\":\"Expected `str`, got `int`\"}");
        assertThat(results.get("concurrent").asInt()).isEqualTo(200);
        assertThat(results.get("ids").toString()).isEqualTo("[58,50,50,50]");
    }

    @Test
    void shouldCallAPythonZeroTcpServer() throws Exception {
        assumeTrue(python != null, "no python3 with msgpack is installed (Debian: apt-get install python3-msgpack)");
        peer = new ProcessBuilder(python, script(), "server").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int port = readPort(peer);
        try (ZeroConnection connection = ZeroConnection.builder(() -> "tcp://127.0.0.1:" + port)
            .protocol(ClientProtocol.TCP)
            .build()) {
            DefaultAsyncZeroClient async = new DefaultAsyncZeroClient(connection, new ZeroCodec(), TIMEOUT);
            DefaultZeroClient client = new DefaultZeroClient(async);
            assertThat(client.call("echo", "Hi")).isEqualTo("Hi");
            assertThat(client.call("echo", new User(1, "John Doe", "john@example.com"), User.class))
                .isEqualTo(new User(1, "John Doe", "john@example.com"));
            assertThat(client.call("echo", Map.of("k", List.of(1, 2)))).isEqualTo(Map.of("k", List.of(1, 2)));
            assertThat(client.call("echo", null)).isNull();
            assertThat(client.call("add", List.of(1, 2, 3), Integer.class)).isEqualTo(6);
            assertThat(client.call("hello_world", null)).isEqualTo("hello world");
            assertThatThrownBy(() -> client.call("nope", 1)).isInstanceOf(ZeroMethodNotFoundException.class)
                .hasMessageContaining("Function `nope` not found!");
            assertThatThrownBy(() -> client.call("fail", "boom")).isInstanceOf(ZeroRemoteException.class)
                .hasMessageContaining("ValueError('boom')");
            List<CompletableFuture<Object>> concurrent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                concurrent.add(async.call("sleep", 20 + i % 3));
            }
            for (int i = 0; i < concurrent.size(); i++) {
                assertThat(concurrent.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(20 + i % 3);
            }
            assertThatThrownBy(() -> client.call("sleep", 1500, Duration.ofMillis(200)))
                .isInstanceOf(ZeroTimeoutException.class);
            assertThat(client.call("echo", "after the late reply")).isEqualTo("after the late reply");
            assertThat(client.call("echo", "next")).isEqualTo("next");
        }
    }

    private static void assertReply(JsonNode results, String name, int flag, String value) {
        JsonNode reply = results.get(name);
        assertThat(reply).as(name).isNotNull();
        assertThat(reply.get("flag").asInt()).as(name + " flag").isEqualTo(flag);
        assertThat(reply.get("value").toString()).as(name).isEqualTo(value);
    }

    private static String script() throws Exception {
        return Path.of(PythonTcpPeerTests.class.getResource("/python/zero_tcp_peer.py").toURI()).toString();
    }

    private static int readPort(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IllegalStateException("the Python peer ended without printing its port");
    }

    /** Debian's {@code /usr/bin/python3} or the {@code python3} on the path, whichever has msgpack. */
    private static String pythonWithMsgpack() throws InterruptedException {
        for (String candidate : new String[] { "/usr/bin/python3", "python3" }) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import msgpack, asyncio").redirectErrorStream(true)
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
