package io.zeroapi.autoconfigure.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.ZeroClient;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.client.ZeroConnectionState.Status;
import io.zeroapi.lifecycle.ZeroClientConnectionEvent;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.OutcomeFunctions;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client's connection state changes are published as {@link ZeroClientConnectionEvent}s, in order, off the
 * connection's I/O thread.
 */
class ZeroClientConnectionEventTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final ZeroServer server = TestServers.start(new OutcomeFunctions(), workers, 100);

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldPublishConnectingConnectedLostAndClosed() {
        Events events = new Events();
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class))
            .withBean(Events.class, () -> events)
            .withPropertyValues("zero.clients.local.address=tcp://127.0.0.1:" + server.port())
            .run(context -> {
                ZeroClient client = context.getBean(ZeroClient.class);
                assertThat(client.call("echo", "hi")).isEqualTo("hi");
                await().atMost(WAIT).until(() -> events.statuses().contains(Status.CONNECTED));
                server.close();
                await().atMost(WAIT).until(() -> events.statuses().contains(Status.LOST));
            });
        await().atMost(WAIT).untilAsserted(() -> assertThat(events.statuses())
            .containsExactly(Status.CONNECTING, Status.CONNECTED, Status.LOST, Status.CLOSED));
        assertThat(events.received).allSatisfy(event -> {
            assertThat(event.getClientName()).isEqualTo("local");
            assertThat(event.getState().address()).isEqualTo("tcp://127.0.0.1:" + server.port());
        });
        assertThat(events.threads).containsOnly("zero-client-events");
    }

    /** Collects the events. */
    static class Events implements ApplicationListener<ZeroClientConnectionEvent> {

        final List<ZeroClientConnectionEvent> received = new CopyOnWriteArrayList<>();

        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ZeroClientConnectionEvent event) {
            received.add(event);
            threads.add(Thread.currentThread().getName());
        }

        List<Status> statuses() {
            return received.stream().map(event -> event.getState().status()).toList();
        }
    }
}
