package io.zeroapi.autoconfigure.discovery;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroServiceDiscovery;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionState.Status;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.FailureAnalyses;
import io.zeroapi.testing.NamedFunctions;
import io.zeroapi.testing.TestServers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClientAutoConfiguration;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code zero.clients.<name>.service-id}: the client's servers are the instances Spring Cloud discovery finds
 * (Spring Cloud LoadBalancer's supplier, the DiscoveryClient or the ReactiveDiscoveryClient), at the port in their
 * metadata key {@code zero.port} or their own, looked up again on a {@code HeartbeatEvent}; nothing of it is loaded
 * without Spring Cloud.
 */
class ZeroDiscoveryAutoConfigurationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final ZeroServer serverA = TestServers.start(new NamedFunctions("a"), workers, 100);

    private final ZeroServer serverB = TestServers.start(new NamedFunctions("b"), workers, 100);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class,
                ZeroDiscoveryAutoConfiguration.class, UtilAutoConfiguration.class))
        .withPropertyValues("zero.clients.named.service-id=named", "zero.discovery.refresh-interval=0",
                "spring.cloud.discovery.client.simple.instances.named[0].uri=http://127.0.0.1:1",
                "spring.cloud.discovery.client.simple.instances.named[0].metadata.[zero.port]=" + serverA.port(),
                "spring.cloud.discovery.client.simple.instances.named[1].uri=http://127.0.0.1:" + serverB.port());

    @AfterEach
    void stop() {
        serverA.close();
        serverB.close();
        workers.shutdownNow();
    }

    private static Map<Object, Integer> answers(AssertableApplicationContext context, int calls) {
        AsyncZeroClient client = context.getBean("namedAsyncZeroClient", AsyncZeroClient.class);
        Map<Object, Integer> answered = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            answered.merge(client.call("name", null).join(), 1, Integer::sum);
        }
        return answered;
    }

    /** An instance of {@code named} on 127.0.0.1 at {@code port}, with {@code zero.port} when not {@code null}. */
    private static InstanceProperties instance(int port, @Nullable Integer zeroPort) {
        InstanceProperties instance = new InstanceProperties();
        instance.setServiceId("named");
        instance.setUri(URI.create("http://127.0.0.1:" + port));
        if (zeroPort != null) {
            instance.getMetadata().put("zero.port", zeroPort.toString());
        }
        return instance;
    }

    private static ZeroConnection connection(AssertableApplicationContext context) {
        ZeroConnection connection = context.getBean("namedZeroClientConnection", ZeroConnection.class);
        await().atMost(WAIT).until(() -> !connection.states().isEmpty() && connection.states().stream()
            .allMatch(state -> state.status() == Status.CONNECTED));
        return connection;
    }

    @Test
    void shouldSpreadCallsOverTheInstancesTheDiscoveryClientFinds() {
        runner.withConfiguration(AutoConfigurations.of(SimpleDiscoveryClientAutoConfiguration.class)).run(context -> {
            assertThat(context).hasSingleBean(ZeroServiceDiscovery.class)
                .doesNotHaveBean(LoadBalancerClientFactory.class);
            ZeroConnection connection = connection(context);
            assertThat(connection.service()).isEqualTo("named");
            assertThat(connection.address()).isEqualTo("tcp://127.0.0.1:" + serverA.port() + ",tcp://127.0.0.1:"
                    + serverB.port());
            assertThat(answers(context, 20)).isEqualTo(Map.of("a", 10, "b", 10));
        });
    }

    @Test
    void shouldLookUpThroughSpringCloudLoadBalancerWhenPresent() {
        runner.withConfiguration(AutoConfigurations.of(SimpleDiscoveryClientAutoConfiguration.class,
                LoadBalancerAutoConfiguration.class))
            .withPropertyValues("spring.cloud.loadbalancer.cache.enabled=false")
            .run(context -> {
                assertThat(context).hasNotFailed();
                connection(context);
                assertThat(context.getBean(LoadBalancerClientFactory.class).getContextNames()).contains("named");
                assertThat(answers(context, 20)).isEqualTo(Map.of("a", 10, "b", 10));
            });
    }

    @Test
    void shouldLookUpThroughTheDiscoveryClientWithoutLoadBalancerOnTheClassPath() {
        runner.withConfiguration(AutoConfigurations.of(SimpleDiscoveryClientAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader(LoadBalancerClientFactory.class))
            .run(context -> {
                assertThat(context).hasNotFailed();
                connection(context);
                assertThat(answers(context, 20)).isEqualTo(Map.of("a", 10, "b", 10));
            });
    }

    @Test
    void shouldLookUpThroughTheReactiveDiscoveryClientAlone() {
        runner.withConfiguration(AutoConfigurations.of(SimpleReactiveDiscoveryClientAutoConfiguration.class))
            .run(context -> {
                assertThat(context).doesNotHaveBean(DiscoveryClient.class);
                connection(context);
                assertThat(answers(context, 20)).isEqualTo(Map.of("a", 10, "b", 10));
            });
    }

    @Test
    void shouldFollowInstancesThatComeAndGoOnAHeartbeat() {
        runner.withConfiguration(AutoConfigurations.of(SimpleDiscoveryClientAutoConfiguration.class)).run(context -> {
            ZeroConnection connection = connection(context);
            SimpleDiscoveryProperties simple = context.getBean(SimpleDiscoveryProperties.class);
            simple.getInstances().put("named", List.of(instance(serverB.port(), null)));
            context.publishEvent(new HeartbeatEvent(this, 1));
            await().atMost(WAIT).until(() -> connection.states().size() == 1);
            assertThat(answers(context, 6)).isEqualTo(Map.of("b", 6));

            simple.getInstances().put("named", List.of());
            context.publishEvent(new HeartbeatEvent(this, 2));
            await().atMost(WAIT).until(() -> connection.states().isEmpty());
            assertThat(context.getBean("namedAsyncZeroClient", AsyncZeroClient.class).call("name", null))
                .failsWithin(WAIT)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(ZeroConnectionException.class)
                .withMessageContaining("no instance of service 'named' is known");

            simple.getInstances().put("named", List.of(instance(1, serverA.port())));
            context.publishEvent(new HeartbeatEvent(this, 3));
            await().atMost(WAIT).until(() -> connection.states().size() == 1
                    && connection.states().get(0).status() == Status.CONNECTED);
            assertThat(answers(context, 6)).isEqualTo(Map.of("a", 6));
        });
    }

    @Test
    void shouldRefreshOnTheConfiguredInterval() {
        runner.withConfiguration(AutoConfigurations.of(SimpleDiscoveryClientAutoConfiguration.class))
            .withPropertyValues("zero.discovery.refresh-interval=100ms")
            .run(context -> {
                ZeroConnection connection = connection(context);
                context.getBean(SimpleDiscoveryProperties.class).getInstances().put("named",
                        List.of(instance(serverB.port(), null)));
                await().atMost(WAIT).until(() -> connection.states().size() == 1);
                assertThat(answers(context, 4)).isEqualTo(Map.of("b", 4));
            });
    }

    @Test
    void shouldSkipAnInstanceWithoutAUsableZeroPort() {
        runner.withConfiguration(AutoConfigurations.of(SimpleDiscoveryClientAutoConfiguration.class))
            .withPropertyValues("spring.cloud.discovery.client.simple.instances.named[0].metadata.[zero.port]=five")
            .run(context -> {
                ZeroConnection connection = connection(context);
                assertThat(connection.address()).isEqualTo("tcp://127.0.0.1:" + serverB.port());
            });
    }

    @Test
    void shouldLoadNothingWithoutSpringCloud() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class,
                    ZeroDiscoveryAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader(DiscoveryClient.class))
            .run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ZeroServiceDiscovery.class)
                .doesNotHaveBean(ZeroServiceRegistration.class)
                .doesNotHaveBean(ZeroDiscoveryProperties.class));
    }

    @Test
    void shouldFailStartupOnAServiceIdWithoutSpringCloud() {
        runner.withClassLoader(new FilteredClassLoader(DiscoveryClient.class)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("zero.clients.named.service-id")
                .hasMessageContaining("Spring Cloud's DiscoveryClient is not on the class path");
        });
    }

    @Test
    void shouldFailStartupOnBothAnAddressAndAServiceId() {
        runner.withPropertyValues("zero.clients.named.address=tcp://127.0.0.1:1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("has both zero.clients.named.address and zero.clients.named.service-id");
        });
    }

    @Test
    void shouldNameBothPropertiesWhenAClientHasNeither() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class,
                    ZeroDiscoveryAutoConfiguration.class))
            .withPropertyValues("zero.clients.named.timeout=1s")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).hasMessageContaining("zero.clients.named.address")
                    .hasMessageContaining("zero.clients.named.service-id");
            });
    }

    @Test
    void shouldKeepAServiceDiscoveryTheApplicationDefines() {
        runner.withBean("mine", ZeroServiceDiscovery.class, () -> (name, connection) -> connection
            .updateAddresses(List.of("tcp://127.0.0.1:" + serverB.port())))
            .run(context -> {
                assertThat(context).hasSingleBean(ZeroServiceDiscovery.class).hasBean("mine");
                connection(context);
                assertThat(answers(context, 2)).isEqualTo(Map.of("b", 2));
            });
    }

    @Test
    void shouldFailStartupOnAnUnknownDiscoveryKey() {
        runner.withConfiguration(AutoConfigurations.of(SimpleDiscoveryClientAutoConfiguration.class))
            .withPropertyValues("zero.discovery.refresh-intervall=1s")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(FailureAnalyses.of(context.getStartupFailure()).getAction())
                    .isEqualTo("zero.discovery.refresh-intervall: did you mean zero.discovery.refresh-interval?");
            });
    }

    @Test
    void shouldNotRegisterWhenToldNotTo() {
        runner.withPropertyValues("zero.discovery.register=false")
            .run(context -> assertThat(context).doesNotHaveBean(ZeroServiceRegistration.class));
        runner.withPropertyValues("spring.cloud.service-registry.auto-registration.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(ZeroServiceRegistration.class));
        runner.run(context -> assertThat(context).hasSingleBean(ZeroServiceRegistration.class));
    }
}
