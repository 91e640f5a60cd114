package io.zeroapi.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroClient;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.TestClients;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads on one client, each call with its own argument: every reply is the one derived from its own
 * request, on every execution path of the server.
 */
class NoCrossTalkTests {

    private static final int THREADS = 64;

    private static final int CALLS_PER_THREAD = 200;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private final ExecutorService callers = Executors.newFixedThreadPool(THREADS);

    private ZeroServer server;

    private ZeroConnection connection;

    private DefaultAsyncZeroClient async;

    @BeforeEach
    void start() {
        server = TestServers.start(new RobustFunctions(), workers, 4 * 1024 * 1024, 10_000);
        connection = TestClients.connect(server.port());
        async = TestClients.async(connection, TIMEOUT);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        connection.close();
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldGiveEveryBlockingCallerItsOwnReply() throws Exception {
        ZeroClient client = new DefaultZeroClient(async);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(callers.submit(() -> {
                go.await();
                int checked = 0;
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    String argument = "t" + thread + "-c" + i;
                    switch (i % 3) {
                        case 0 -> assertThat(client.call("echo", argument, String.class)).isEqualTo("echo:" + argument);
                        case 1 -> assertThat(client.call("inline_echo", argument, String.class))
                            .isEqualTo("inline:" + argument);
                        default -> {
                            long id = thread * 1_000_000L + i;
                            RobustFunctions.User user = new RobustFunctions.User(id, argument, argument + "@x.io");
                            assertThat(client.call("user_echo", user, RobustFunctions.User.class))
                                .isEqualTo(new RobustFunctions.User(id + 1, argument.toUpperCase(), argument + "@x.io"));
                        }
                    }
                    checked++;
                }
                return checked;
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get(120, TimeUnit.SECONDS);
        }
        assertThat(total).isEqualTo(THREADS * CALLS_PER_THREAD);
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldGiveEveryConcurrentAsyncCallItsOwnReply() throws Exception {
        int calls = THREADS * CALLS_PER_THREAD;
        List<CompletableFuture<String>> replies = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            replies.add(async.call(i % 2 == 0 ? "echo" : "inline_echo", "a" + i, String.class));
        }
        for (int i = 0; i < calls; i++) {
            assertThat(replies.get(i).get(TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS))
                .isEqualTo((i % 2 == 0 ? "echo:a" : "inline:a") + i);
        }
        assertThat(connection.pendingCount()).isZero();
    }
}
