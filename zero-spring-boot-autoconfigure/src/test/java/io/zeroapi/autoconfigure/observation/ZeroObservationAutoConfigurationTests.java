package io.zeroapi.autoconfigure.observation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.zeroapi.AsyncZeroClient;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.OutcomeFunctions;
import io.zeroapi.testing.RawDealer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code zero.server} and {@code zero.client} observations with an {@link ObservationRegistry}: name, contextual
 * name and keys for success, each Zero error kind, a timeout and an unknown function ({@code _OTHER}); nothing
 * without Micrometer.
 */
class ZeroObservationAutoConfigurationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
                ZeroClientAutoConfiguration.class, ZeroObservationAutoConfiguration.class))
        .withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
        .withBean("functions", OutcomeFunctions.class)
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1", "zero.server.call-timeout=300ms",
                "zero.clients.local.address=tcp://127.0.0.1:${local.zero.server.port}",
                "zero.clients.local.timeout=5s");

    @Test
    void shouldObserveServedCallsWithTheirOutcome() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            try (RawDealer dealer = new RawDealer(port(context))) {
                assertThat(dealer.call(1, "echo", "hi")).isEqualTo("hi");
                dealer.call(2, "fail", "x");
                dealer.call(3, "echo", 42);
                dealer.call(4, "no_such_function", null);
                dealer.call(5, "stuck", null);
            }
            await().atMost(WAIT).untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("zero.server", 5));
            TestObservationRegistryAssert.assertThat(registry)
                .hasAnObservation(observation -> observation.hasNameEqualTo("zero.server")
                    .hasContextualNameEqualTo("echo")
                    .hasLowCardinalityKeyValue("rpc.system.name", "zero")
                    .hasLowCardinalityKeyValue("rpc.method", "echo")
                    .hasLowCardinalityKeyValue("rpc.status_code", "OK")
                    .hasLowCardinalityKeyValue("error.type", "none")
                    .hasLowCardinalityKeyValue("zero.path", "worker")
                    .hasHighCardinalityKeyValue("server.port", String.valueOf(port(context)))
                    .hasHighCardinalityKeyValueWithKey("network.peer.address"))
                .hasAnObservation(observation -> observation.hasContextualNameEqualTo("fail")
                    .hasLowCardinalityKeyValue("rpc.status_code", "server_exception")
                    .hasLowCardinalityKeyValue("error.type", IllegalStateException.class.getName())
                    .hasError())
                .hasAnObservation(observation -> observation.hasContextualNameEqualTo("echo")
                    .hasLowCardinalityKeyValue("rpc.status_code", "validation_error"))
                .hasAnObservation(observation -> observation.hasContextualNameEqualTo("_OTHER")
                    .hasLowCardinalityKeyValue("rpc.method", "_OTHER")
                    .hasLowCardinalityKeyValue("rpc.status_code", "function_not_found")
                    .hasLowCardinalityKeyValue("error.type", "function_not_found")
                    .hasLowCardinalityKeyValue("zero.path", "none"))
                .hasAnObservation(observation -> observation.hasContextualNameEqualTo("stuck")
                    .hasLowCardinalityKeyValue("rpc.status_code", "timeout")
                    .hasLowCardinalityKeyValue("error.type", "timeout"));
        });
    }

    @Test
    void shouldObserveBusyAndShuttingDownRefusals() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
            .withPropertyValues("zero.server.max-in-flight=1", "zero.server.call-timeout=0",
                    "zero.server.shutdown.grace-period=30s")
            .run(context -> {
                TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                ZeroServer server = context.getBean(ZeroServer.class);
                try (RawDealer dealer = new RawDealer(port(context))) {
                    dealer.send(1, "stuck", null);
                    await().atMost(WAIT).until(() -> server.inFlight() == 1);
                    dealer.call(2, "echo", "refused");
                    server.shutdown(Duration.ofMillis(200));
                    dealer.call(3, "echo", "late");
                }
                await().atMost(WAIT).untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                    .hasAnObservation(observation -> observation.hasContextualNameEqualTo("echo")
                        .hasLowCardinalityKeyValue("rpc.status_code", "busy")
                        .hasLowCardinalityKeyValue("error.type", "busy")
                        .hasLowCardinalityKeyValue("zero.path", "worker"))
                    .hasAnObservation(observation -> observation.hasContextualNameEqualTo("echo")
                        .hasLowCardinalityKeyValue("rpc.status_code", "shutting_down"))
                    .hasAnObservation(observation -> observation.hasContextualNameEqualTo("stuck")
                        .hasLowCardinalityKeyValue("rpc.status_code", "shutting_down")));
            });
    }

    @Test
    void shouldObserveClientCallsFromSubmissionToCompletion() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            AsyncZeroClient client = context.getBean(AsyncZeroClient.class);
            assertThat(client.call("echo", "hi")).succeedsWithin(WAIT).isEqualTo("hi");
            CompletableFuture<Object> missing = client.call("no_such_function", null);
            assertThat(missing).failsWithin(WAIT);
            CompletableFuture<Object> stuck = client.call("stuck", null, Duration.ofMillis(100));
            assertThat(stuck).failsWithin(WAIT);
            await().atMost(WAIT).untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                .hasAnObservation(observation -> observation.hasNameEqualTo("zero.client")
                    .hasContextualNameEqualTo("echo")
                    .hasLowCardinalityKeyValue("rpc.system.name", "zero")
                    .hasLowCardinalityKeyValue("rpc.method", "echo")
                    .hasLowCardinalityKeyValue("rpc.status_code", "OK")
                    .hasLowCardinalityKeyValue("zero.client.name", "local")
                    .hasHighCardinalityKeyValue("server.address", "127.0.0.1")
                    .hasHighCardinalityKeyValue("server.port", String.valueOf(port(context))))
                .hasAnObservation(observation -> observation.hasNameEqualTo("zero.client")
                    .hasContextualNameEqualTo("no_such_function")
                    .hasLowCardinalityKeyValue("rpc.status_code", "function_not_found")
                    .hasLowCardinalityKeyValue("error.type", "io.zeroapi.ZeroMethodNotFoundException")
                    .hasError())
                .hasAnObservation(observation -> observation.hasNameEqualTo("zero.client")
                    .hasContextualNameEqualTo("stuck")
                    .hasLowCardinalityKeyValue("rpc.status_code", "timeout")));
        });
    }

    @Test
    void shouldAddNothingWithoutMicrometerObservation() {
        runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
            .run(context -> assertThat(context).doesNotHaveBean(ZeroObservationAutoConfiguration.class)
                .hasSingleBean(ZeroServer.class));
    }

    @Test
    void shouldServeWithoutARegistry() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ObservationRegistry.class);
            try (RawDealer dealer = new RawDealer(port(context))) {
                assertThat(dealer.call(1, "echo", "plain")).isEqualTo("plain");
            }
        });
    }

    @Test
    void shouldBeTurnedOffByProperty() {
        runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
            .withPropertyValues("zero.observations.enabled=false")
            .run(context -> {
                try (RawDealer dealer = new RawDealer(port(context))) {
                    assertThat(dealer.call(1, "echo", "off")).isEqualTo("off");
                }
                TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .doesNotHaveAnyObservation();
            });
    }

    private static int port(AssertableApplicationContext context) {
        return context.getBean(ZeroServer.class).port();
    }
}
