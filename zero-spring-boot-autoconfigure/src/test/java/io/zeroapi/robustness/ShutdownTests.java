package io.zeroapi.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroTimeoutException;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.testing.LiveThreads;
import io.zeroapi.testing.TestClients;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Closing an application context that serves and calls Zero functions: the calls in flight are answered within
 * the grace period, new calls are refused with a clear message while it drains and fail fast after it stopped,
 * and no Zero thread or socket is left.
 */
class ShutdownTests {

    private static final int CALLS = 100;

    private static final Duration GRACE_PERIOD = Duration.ofSeconds(30);

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldAnswerCallsInFlightOnCloseAndLeaveNothingBehind() throws Exception {
        Set<String> threadsBefore = LiveThreads.startingWith("zero-");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ShutdownApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "zero.server.port=0", "zero.server.address=127.0.0.1",
                    "zero.server.shutdown.grace-period=" + GRACE_PERIOD.toSeconds() + "s",
                    "zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}", "zero.client.timeout=30s")
            .run();
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.zero.server.port"));
        RobustFunctions functions = context.getBean(RobustFunctions.class);
        AsyncZeroClient async = context.getBean(AsyncZeroClient.class);
        ZeroClient client = context.getBean(ZeroClient.class);
        assertThat(client.call("echo", "before")).isEqualTo("echo:before");
        assertThat(LiveThreads.startingWith("zero-server-" + port)).hasSizeBetween(1, 2);

        ZeroConnection caller = TestClients.connect(port);
        AsyncZeroClient remote = TestClients.async(caller, WAIT);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(remote.call("held", "s" + i, String.class));
        }
        await().atMost(WAIT).until(() -> functions.held.size() == CALLS);
        long closeStarted = System.nanoTime();
        Thread closer = new Thread(context::close, "robust-closer");
        closer.start();
        await().atMost(WAIT).until(() -> refusedAsShuttingDown(client));
        assertThat(calls).noneMatch(CompletableFuture::isDone);
        assertThat(functions.completeAll()).isEqualTo(CALLS);
        for (int i = 0; i < CALLS; i++) {
            assertThat(calls.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("held:s" + i);
        }
        caller.close();
        closer.join(WAIT.toMillis());
        assertThat(closer.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - closeStarted)).isLessThan(GRACE_PERIOD);

        long callStarted = System.nanoTime();
        assertThatExceptionOfType(ZeroConnectionException.class).isThrownBy(() -> client.call("echo", "after"))
            .withMessageContaining("client closed");
        assertThat(Duration.ofNanos(System.nanoTime() - callStarted)).isLessThan(Duration.ofSeconds(5));
        assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
            .isThrownBy(() -> async.call("echo", "after").get(5, TimeUnit.SECONDS))
            .withCauseInstanceOf(ZeroConnectionException.class);
        await().atMost(WAIT)
            .untilAsserted(() -> assertThat(LiveThreads.startingWith("zero-")).isSubsetOf(threadsBefore));

        try (ZeroConnection connection = new ZeroConnection(() -> "127.0.0.1:" + port)) {
            ZeroClient stranger = new DefaultZeroClient(TestClients.async(connection, Duration.ofSeconds(1)));
            assertThatExceptionOfType(ZeroException.class).isThrownBy(() -> stranger.call("echo", "nobody there"))
                .isInstanceOfAny(ZeroConnectionException.class, ZeroTimeoutException.class)
                .withMessageContaining("127.0.0.1:" + port);
        }
    }

    private static boolean refusedAsShuttingDown(ZeroClient client) {
        try {
            client.call("echo", "probe", Duration.ofSeconds(10));
            return false;
        }
        catch (ZeroRemoteException ex) {
            return ex.getMessage().contains("server is shutting down");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
            ZeroClientAutoConfiguration.class })
    static class ShutdownApplication {

        @Bean
        RobustFunctions robustFunctions() {
            return new RobustFunctions();
        }
    }
}
