package io.zeroapi.autoconfigure.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.HashSet;
import java.util.Set;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.testing.LiveThreads;
import io.zeroapi.testing.RawRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients stay usable while lifecycles stop (a Zero server drains at phase {@code DEFAULT_PHASE - 1024}) and
 * are closed with the context's beans, leaving no client thread behind.
 */
class ZeroClientShutdownTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class));

    private ZContext serverContext;

    private RawRouter router;

    private int port;

    @BeforeEach
    void startServer() {
        serverContext = new ZContext(1);
        router = RawRouter.start(serverContext, RawRouter::echoExceptSlow);
        port = router.port();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        router.close();
        serverContext.close();
    }

    @Test
    void shouldCallDuringLifecycleStopAndCloseConnectionsWithTheContext() {
        AtomicReference<Object> replyDuringStop = new AtomicReference<>();
        AtomicReference<CompletableFuture<Object>> pending = new AtomicReference<>();
        AtomicReference<Set<String>> newClientThreads = new AtomicReference<>();
        Set<String> before = LiveThreads.clients();
        runner.withPropertyValues("zero.clients.echo.address=127.0.0.1:" + port, "zero.clients.echo.timeout=20s")
            .withBean("drainingLifecycle", DrainingLifecycle.class, () -> new DrainingLifecycle(replyDuringStop))
            .run(context -> {
                AsyncZeroClient client = context.getBean(AsyncZeroClient.class);
                assertThat(client.call("echo", "up")).succeedsWithin(Duration.ofSeconds(20)).isEqualTo("up");
                pending.set(client.call("slow", 1));
                Set<String> started = new HashSet<>(LiveThreads.clients());
                started.removeAll(before);
                newClientThreads.set(started);
                context.getBean(DrainingLifecycle.class).client = context.getBean(ZeroClient.class);
            });
        assertThat(replyDuringStop.get()).isEqualTo("stopping");
        assertThat(pending.get()).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessageEndingWith("client closed");
        assertThat(newClientThreads.get()).hasSize(1);
        assertThat(LiveThreads.clients()).doesNotContainAnyElementsOf(newClientThreads.get());
    }

    /** Stands in for the Zero server's lifecycle: calls a client while it stops. */
    static class DrainingLifecycle implements SmartLifecycle {

        private final AtomicReference<Object> replyDuringStop;

        volatile ZeroClient client;

        private volatile boolean running;

        DrainingLifecycle(AtomicReference<Object> replyDuringStop) {
            this.replyDuringStop = replyDuringStop;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            replyDuringStop.set(client.call("echo", "stopping"));
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return DEFAULT_PHASE - 1024;
        }
    }
}
