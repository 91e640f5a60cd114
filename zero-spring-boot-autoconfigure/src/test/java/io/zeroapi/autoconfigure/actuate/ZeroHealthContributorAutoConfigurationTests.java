package io.zeroapi.autoconfigure.actuate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.lifecycle.ZeroServerLifecycle;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code zero} health contributor: present with Spring Boot's health module, its server part following the
 * server's state (out of service while draining, when readiness refuses traffic too) and its clients following their
 * connections, {@code DOWN} only for a client required to be connected.
 */
class ZeroHealthContributorAutoConfigurationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
                ZeroClientAutoConfiguration.class, ZeroHealthContributorAutoConfiguration.class,
                ZeroAvailabilityAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class))
        .withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1");

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void shouldReportServerUpWithItsDetailsAndAnIdleClientUpWithoutCreatingItsConnection() {
        runner.withBean(HoldingFunctions.class)
            .withPropertyValues("zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}")
            .run(context -> {
                ZeroServer server = context.getBean(ZeroServer.class);
                Health health = indicator(context, "server").health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("state", "RUNNING")
                    .containsEntry("port", server.port())
                    .containsEntry("boundAddress", server.boundAddress())
                    .containsEntry("inFlight", 0)
                    .containsEntry("functions", 2);
                Health client = client(context, "self").health();
                assertThat(client.getStatus()).isEqualTo(Status.UP);
                assertThat(client.getDetails()).containsEntry("status", "IDLE")
                    .containsEntry("pending", 0)
                    .containsEntry("required", false);
                assertThat(context.getBeanFactory().containsSingleton("selfZeroClientConnection")).isFalse();
            });
    }

    @Test
    void shouldLeaveOutTheServerWhenNoFunctionIsServedAndTheClientsWhenNoneIsConfigured() {
        runner.withPropertyValues("zero.clients.other.address=tcp://127.0.0.1:9")
            .run(context -> assertThat(contributor(context).stream().map(entry -> entry.name()))
                .containsExactly("clients"));
        runner.withBean(HoldingFunctions.class)
            .run(context -> assertThat(contributor(context).stream().map(entry -> entry.name()))
                .containsExactly("server"));
    }

    @Test
    void shouldBeOutOfServiceAndRefuseTrafficWhileTheServerDrains() {
        runner.withBean(HoldingFunctions.class)
            .withPropertyValues("zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}",
                    "zero.clients.self.timeout=30s")
            .run(context -> {
                HoldingFunctions functions = context.getBean(HoldingFunctions.class);
                ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
                CompletableFuture<Object> held = context.getBean(AsyncZeroClient.class).call("hold", null);
                assertThat(functions.held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(indicator(context, "server").health().getDetails()).containsEntry("inFlight", 1);

                CountDownLatch stopped = new CountDownLatch(1);
                context.getBean(ZeroServerLifecycle.class).stop(stopped::countDown);
                Health draining = indicator(context, "server").health();
                assertThat(draining.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                assertThat(draining.getDetails()).containsEntry("state", "DRAINING");
                assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

                functions.release.countDown();
                assertThat(held).succeedsWithin(WAIT).isEqualTo("released");
                assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(indicator(context, "server").health().getStatus()).isEqualTo(Status.UNKNOWN);
            });
    }

    @Test
    void shouldReportALostClientDownOnlyWhenRequired() {
        ZeroServer server = TestServers.start(new HoldingFunctions(), workers, 100);
        String address = "tcp://127.0.0.1:" + server.port();
        try {
            runner.withPropertyValues("zero.server.enabled=false", "zero.clients.needed.address=" + address,
                    "zero.clients.needed.health.required=true", "zero.clients.optional.address=" + address)
                .run(context -> {
                    assertThat(client(context, "needed").health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(client(context, "optional").health().getStatus()).isEqualTo(Status.UP);

                    for (String name : new String[] { "needed", "optional" }) {
                        AsyncZeroClient client = context.getBean(name + "AsyncZeroClient", AsyncZeroClient.class);
                        assertThat(client.call("echo", name)).succeedsWithin(WAIT).isEqualTo(name);
                    }
                    Health connected = client(context, "needed").health();
                    assertThat(connected.getStatus()).isEqualTo(Status.UP);
                    assertThat(connected.getDetails()).containsEntry("status", "CONNECTED")
                        .containsEntry("address", address)
                        .containsEntry("required", true)
                        .containsKey("since");
                    assertThat(client(context, "optional").health().getStatus()).isEqualTo(Status.UP);

                    server.close();
                    await().atMost(WAIT).untilAsserted(() -> assertThat(client(context, "needed").health()
                        .getStatus()).isEqualTo(Status.DOWN));
                    await().atMost(WAIT).untilAsserted(() -> assertThat(client(context, "optional").health()
                        .getDetails()).containsEntry("status", "LOST").containsEntry("lost", true));
                    assertThat(client(context, "optional").health().getStatus()).isEqualTo(Status.UP);
                });
        }
        finally {
            server.close();
        }
    }

    @Test
    void shouldNotContributeWithoutTheHealthModule() {
        runner.withBean(HoldingFunctions.class)
            .withClassLoader(new FilteredClassLoader(HealthContributor.class))
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("zeroHealthContributor"));
    }

    @Test
    void shouldNotContributeWhenDisabled() {
        runner.withBean(HoldingFunctions.class)
            .withPropertyValues("management.health.zero.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean("zeroHealthContributor"));
    }

    @Test
    void shouldBackOffFromAnApplicationsZeroHealthIndicator() {
        runner.withBean("zeroHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
            .run(context -> assertThat(context).doesNotHaveBean("zeroHealthContributor")
                .hasBean("zeroHealthIndicator"));
    }

    private static CompositeHealthContributor contributor(ApplicationContext context) {
        return context.getBean("zeroHealthContributor", CompositeHealthContributor.class);
    }

    private static HealthIndicator indicator(AssertableApplicationContext context, String name) {
        return (HealthIndicator) contributor(context).getContributor(name);
    }

    private static HealthIndicator client(AssertableApplicationContext context, String name) {
        CompositeHealthContributor clients = (CompositeHealthContributor) contributor(context).getContributor("clients");
        return (HealthIndicator) clients.getContributor(name);
    }
}
