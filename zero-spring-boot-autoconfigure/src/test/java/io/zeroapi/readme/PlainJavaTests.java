package io.zeroapi.readme;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroRpc;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "without Spring Boot" snippet works as written (on a free port instead of 5559).
 */
class PlainJavaTests {

    @Test
    void shouldServeAndCallWithoutSpringBoot() {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ZeroServer server = ZeroServer.builder()
            .endpoints(ZeroRpcEndpointRegistry.of(new Calculator()))
            .workers(workers)
            .settings(ZeroServerSettings.defaults("127.0.0.1", 0))
            .build();
        server.start();
        try (ZeroConnection connection = ZeroConnection.builder(() -> "tcp://127.0.0.1:" + server.port()).build()) {
            ZeroClient client = new DefaultZeroClient(
                    new DefaultAsyncZeroClient(connection, new ZeroCodec(), Duration.ofSeconds(5)));
            assertThat(client.call("add", List.of(1, 2, 3), Integer.class)).isEqualTo(6);
        }
        finally {
            server.close();
            workers.shutdownNow();
        }
    }

    /** The README's calculator. */
    static class Calculator {

        @ZeroRpc("add")
        int add(List<Integer> nums) {
            return nums.stream().mapToInt(Integer::intValue).sum();
        }
    }
}
