package io.zeroapi.autoconfigure.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionState;
import io.zeroapi.client.ZeroConnectionState.Status;
import io.zeroapi.testing.NamedFunctions;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real registry: ZooKeeper, run in-process by Curator's {@link TestingServer}, with Spring Cloud ZooKeeper
 * discovery. Two Zero services, one with a web server and one without, start on port 0 and register with
 * {@code zero.port}; a third application's client, configured with only a {@code service-id}, finds both and spreads
 * its calls; one service stops gracefully, is deregistered before it drains, and the client moves all its traffic to
 * the other without a failed call.
 */
class ZooKeeperDiscoveryTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestingServer zookeeper;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zookeeper = new TestingServer();
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zookeeper.close();
    }

    @AfterEach
    void closeContexts() {
        Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext start(Class<?> application, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.cloud.zookeeper.enabled=true",
                "spring.cloud.zookeeper.connect-string=" + zookeeper.getConnectString(),
                "spring.cloud.zookeeper.discovery.instance-host=127.0.0.1", "zero.server.address=127.0.0.1",
                "zero.server.port=0", "spring.main.banner-mode=off"));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
            .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    private ConfigurableApplicationContext service(String instance, boolean web) {
        return service(instance, web, Duration.ofSeconds(5));
    }

    private ConfigurableApplicationContext service(String instance, boolean web, Duration deregistrationDelay) {
        return start(OrdersService.class, "spring.application.name=orders", "test.instance=" + instance,
                "zero.discovery.deregistration-delay=" + deregistrationDelay.toMillis() + "ms",
                "spring.main.web-application-type=" + (web ? "reactive" : "none"), "server.port=0",
                "server.address=127.0.0.1");
    }

    private static int zeroPort(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.zero.server.port", Integer.class);
    }

    @Test
    void shouldDiscoverBothServicesAndMoveTrafficOffOneThatStopsGracefully() throws Exception {
        ConfigurableApplicationContext web = service("web", true);
        ConfigurableApplicationContext plain = service("plain", false);
        ConfigurableApplicationContext gateway = start(Gateway.class, "spring.application.name=gateway",
                "spring.main.web-application-type=none", "spring.cloud.zookeeper.discovery.register=false",
                "spring.cloud.loadbalancer.cache.enabled=false", "zero.clients.orders.service-id=orders",
                "zero.discovery.refresh-interval=200ms");

        DiscoveryClient discovery = gateway.getBean(DiscoveryClient.class);
        await().atMost(WAIT).until(() -> discovery.getInstances("orders").size() == 2);
        int webPort = web.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        assertThat(discovery.getInstances("orders")).extracting(instance -> instance.getMetadata().get("zero.port"))
            .containsExactlyInAnyOrder(Integer.toString(zeroPort(web)), Integer.toString(zeroPort(plain)));
        assertThat(discovery.getInstances("orders")).filteredOn(instance -> instance.getPort() == webPort)
            .extracting(ServiceInstance::getMetadata)
            .singleElement()
            .satisfies(metadata -> assertThat(metadata).containsEntry("zero.port", Integer.toString(zeroPort(web))));

        AsyncZeroClient client = gateway.getBean("ordersAsyncZeroClient", AsyncZeroClient.class);
        ZeroConnection connection = gateway.getBean("ordersZeroClientConnection", ZeroConnection.class);
        await().atMost(WAIT).until(() -> connection.states().size() == 2
                && connection.states().stream().allMatch(state -> state.status() == Status.CONNECTED));
        assertThat(connection.states()).extracting(ZeroConnectionState::address)
            .containsExactlyInAnyOrder("tcp://127.0.0.1:" + zeroPort(web), "tcp://127.0.0.1:" + zeroPort(plain));
        Map<String, Integer> spread = new ConcurrentHashMap<>();
        for (int i = 0; i < 200; i++) {
            spread.merge((String) client.call("name", null).get(), 1, Integer::sum);
        }
        assertThat(spread).containsOnlyKeys("web", "plain");
        assertThat(spread.values()).allSatisfy(count -> assertThat(count).isBetween(50, 150));

        Traffic traffic = new Traffic(client);
        traffic.start(2);
        await().atMost(WAIT).until(() -> traffic.answered.get() >= 100);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            contexts.remove(plain);
            plain.close();
        });
        await().atMost(WAIT).until(() -> discovery.getInstances("orders").size() == 1);
        await().atMost(WAIT).until(() -> connection.states().size() == 1);
        assertThat(stopped).succeedsWithin(WAIT);
        int answeredAfterStop = traffic.answered.get();
        await().atMost(WAIT).until(() -> traffic.answered.get() >= answeredAfterStop + 100);
        traffic.stop();

        assertThat(traffic.failures).isEmpty();
        assertThat(traffic.lastAnswers()).containsOnly("web");
        assertThat(connection.states()).extracting(ZeroConnectionState::address)
            .containsExactly("tcp://127.0.0.1:" + zeroPort(web));
    }

    @Test
    void shouldRegisterAgainWhenAStoppedContextStartsAgain() {
        ConfigurableApplicationContext web = service("web", true, Duration.ZERO);
        ConfigurableApplicationContext plain = service("plain", false, Duration.ZERO);
        DiscoveryClient discovery = web.getBean(DiscoveryClient.class);
        await().atMost(WAIT).until(() -> discovery.getInstances("orders").size() == 2);
        for (ConfigurableApplicationContext service : List.of(web, plain)) {
            String zeroPort = Integer.toString(zeroPort(service));
            service.stop();
            await().atMost(WAIT).until(() -> discovery.getInstances("orders").size() == 1);
            service.start();
            await().atMost(WAIT).until(() -> discovery.getInstances("orders").size() == 2);
            assertThat(discovery.getInstances("orders")).extracting(instance -> instance.getMetadata().get("zero.port"))
                .contains(zeroPort);
        }
    }

    /** Calls {@code name} from a few threads until stopped (a minute at most), counting answers and failures. */
    private static final class Traffic {

        private final AsyncZeroClient client;

        private final AtomicBoolean running = new AtomicBoolean(true);

        final AtomicInteger answered = new AtomicInteger();

        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

        private final Queue<Object> answers = new ConcurrentLinkedQueue<>();

        private final List<Thread> threads = new ArrayList<>();

        Traffic(AsyncZeroClient client) {
            this.client = client;
        }

        void start(int count) {
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(this::run, "traffic-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void run() {
            long end = System.nanoTime() + 2 * WAIT.toNanos();
            while (running.get() && System.nanoTime() - end < 0) {
                try {
                    answers.add(client.call("name", null).get());
                    if (answers.size() > 50) {
                        answers.poll();
                    }
                    answered.incrementAndGet();
                }
                catch (Exception ex) {
                    failures.add(ex);
                }
            }
        }

        /** The latest answers (up to about 50). */
        List<Object> lastAnswers() {
            return List.copyOf(answers);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(WAIT.toMillis());
            }
        }
    }

    /** A Zero service answering {@code name} with its instance's name ({@code test.instance}). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class OrdersService {

        @Bean
        NamedFunctions named(Environment environment) {
            return new NamedFunctions(environment.getRequiredProperty("test.instance"));
        }
    }

    /** An application that only calls the service. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Gateway {
    }
}
