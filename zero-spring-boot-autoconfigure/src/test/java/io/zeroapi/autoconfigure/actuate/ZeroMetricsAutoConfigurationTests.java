package io.zeroapi.autoconfigure.actuate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeroapi.AsyncZeroClient;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gauges of the server (calls in flight, worker pool) and of each client (pending calls, connection state), present
 * with a {@code MeterRegistry} and absent without Micrometer or without a registry.
 */
class ZeroMetricsAutoConfigurationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
                ZeroClientAutoConfiguration.class, ZeroMetricsAutoConfiguration.class))
        .withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1", "zero.server.workers=3",
                "zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}", "zero.clients.self.timeout=30s",
                "zero.clients.idle.address=tcp://127.0.0.1:9");

    private final ApplicationContextRunner withRegistry = runner.withConfiguration(
            AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

    @Test
    void shouldGaugeCallsInFlightWorkersPendingCallsAndConnectionStates() {
        withRegistry.withBean(HoldingFunctions.class).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            HoldingFunctions functions = context.getBean(HoldingFunctions.class);
            assertThat(registry.get("zero.server.calls.active").gauge().value()).isZero();
            assertThat(registry.get("executor.pool.max").tag("name", "zeroServerExecutor").gauge().value())
                .isEqualTo(3);
            assertThat(state(registry, "self", "idle")).isEqualTo(1);
            assertThat(state(registry, "idle", "idle")).isEqualTo(1);

            CompletableFuture<Object> held = context.getBean("selfAsyncZeroClient", AsyncZeroClient.class)
                .call("hold", null);
            assertThat(functions.held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(registry.get("zero.server.calls.active").gauge().value()).isEqualTo(1);
            assertThat(registry.get("executor.active").tag("name", "zeroServerExecutor").gauge().value())
                .isEqualTo(1);
            assertThat(registry.get("zero.client.calls.pending").tag("zero.client.name", "self").gauge().value())
                .isEqualTo(1);
            assertThat(state(registry, "self", "connected")).isEqualTo(1);
            assertThat(state(registry, "self", "idle")).isZero();
            assertThat(registry.get("zero.client.calls.pending").tag("zero.client.name", "idle").gauge().value())
                .isZero();

            functions.release.countDown();
            assertThat(held).succeedsWithin(WAIT).isEqualTo("released");
            assertThat(registry.get("zero.client.calls.pending").tag("zero.client.name", "self").gauge().value())
                .isZero();
            assertThat(context.getBeanFactory().containsSingleton("idleZeroClientConnection")).isFalse();
        });
    }

    @Test
    void shouldNotBindWithoutARegistry() {
        runner.withBean(HoldingFunctions.class)
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZeroMeterBinder.class));
    }

    @Test
    void shouldNotBindWithoutMicrometer() {
        runner.withBean(HoldingFunctions.class)
            .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZeroMeterBinder.class));
    }

    private static double state(MeterRegistry registry, String client, String state) {
        return registry.get("zero.client.connection.state")
            .tag("zero.client.name", client)
            .tag("state", state)
            .gauge()
            .value();
    }
}
