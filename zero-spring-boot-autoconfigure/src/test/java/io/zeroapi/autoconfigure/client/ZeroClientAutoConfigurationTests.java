package io.zeroapi.autoconfigure.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ReactiveZeroClient;
import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroRpc;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionSettings;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import io.zeroapi.testing.FailureAnalyses;
import io.zeroapi.testing.RawRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.ZContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ZeroClientAutoConfiguration}.
 */
class ZeroClientAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class));

    @Test
    void shouldRegisterNoClientsWithoutConfiguration() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ZeroClient.class);
            assertThat(context).doesNotHaveBean(AsyncZeroClient.class);
        });
    }

    @Test
    void shouldRegisterQualifiedBeansPerClientName() {
        runner.withPropertyValues("zero.clients.users.address=tcp://127.0.0.1:5559",
                "zero.clients.orders.address=127.0.0.1:5560", "zero.clients.orders.timeout=250ms")
            .withUserConfiguration(QualifiedInjection.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBeanNamesForType(ZeroClient.class)).containsExactlyInAnyOrder("usersZeroClient",
                        "ordersZeroClient");
                assertThat(context.getBeanNamesForType(AsyncZeroClient.class))
                    .containsExactlyInAnyOrder("usersAsyncZeroClient", "ordersAsyncZeroClient");
                assertThat(context.getBeanNamesForType(ReactiveZeroClient.class))
                    .containsExactlyInAnyOrder("usersReactiveZeroClient", "ordersReactiveZeroClient");
                QualifiedInjection injection = context.getBean(QualifiedInjection.class);
                assertThat(injection.users).isSameAs(context.getBean("usersZeroClient"));
                assertThat(injection.ordersAsync).isSameAs(context.getBean("ordersAsyncZeroClient"));
                assertThat(injection.ordersReactive).isSameAs(context.getBean("ordersReactiveZeroClient"));
                assertThat(context.getBean("fromBeanMethod")).isEqualTo("DefaultZeroClient/DefaultAsyncZeroClient");
                assertThat(((DefaultAsyncZeroClient) injection.ordersAsync).defaultTimeout())
                    .isEqualTo(Duration.ofMillis(250));
                assertThat(((DefaultAsyncZeroClient) context.getBean("usersAsyncZeroClient"))
                    .defaultTimeout()).isEqualTo(Duration.ofSeconds(5));
            });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("camelCaseClientConfigurations")
    void shouldNameTheBeansOfACamelCaseClientAfterItsKeyAsWritten(String format,
            UnaryOperator<ApplicationContextRunner> configuration) {
        configuration.apply(runner).withUserConfiguration(OrderServiceInjection.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanNamesForType(ZeroClient.class)).containsExactly("orderServiceZeroClient");
            assertThat(context.getBeanNamesForType(AsyncZeroClient.class)).containsExactly("orderServiceAsyncZeroClient");
            assertThat(context.getBeanNamesForType(ReactiveZeroClient.class))
                .containsExactly("orderServiceReactiveZeroClient");
            assertThat(context.getBean(OrderServiceInjection.class).client)
                .isSameAs(context.getBean("orderServiceZeroClient"));
            assertThat(((DefaultAsyncZeroClient) context.getBean("orderServiceAsyncZeroClient")).defaultTimeout())
                .isEqualTo(Duration.ofMillis(250));
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "orders.port=7001");
            assertThat(connection(context, "orderService").address()).isEqualTo("tcp://127.0.0.1:7001");
        });
    }

    static Stream<Arguments> camelCaseClientConfigurations() {
        String properties = """
                zero.clients.orderService.address=tcp://127.0.0.1:${orders.port:1}
                zero.clients.orderService.timeout=250ms
                """;
        String yaml = """
                zero:
                  clients:
                    orderService:
                      address: tcp://127.0.0.1:${orders.port:1}
                      timeout: 250ms
                """;
        Map<String, Object> yamlLike = Map.of("zero.clients.orderService.address", "tcp://127.0.0.1:${orders.port:1}",
                "zero.clients.orderService.timeout", "250ms");
        return Stream.of(
                configuration("withPropertyValues", runner -> runner.withPropertyValues(
                        properties.lines().toArray(String[]::new))),
                configuration("MapPropertySource", runner -> withSource(runner,
                        new MapPropertySource("yaml-like", yamlLike))),
                configuration("application.properties", runner -> withSource(runner, load(
                        new PropertiesPropertySourceLoader(), "application.properties", properties))),
                configuration("application.yml", runner -> withSource(runner, load(new YamlPropertySourceLoader(),
                        "application.yml", yaml))));
    }

    private static Arguments configuration(String format, UnaryOperator<ApplicationContextRunner> configuration) {
        return Arguments.of(format, configuration);
    }

    private static ApplicationContextRunner withSource(ApplicationContextRunner runner, PropertySource<?> source) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(source));
    }

    private static PropertySource<?> load(PropertySourceLoader loader, String name, String content) {
        try {
            return loader.load(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8))).get(0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void shouldKeepBracketedAndDashedClientNamesAsWritten() {
        runner.withPropertyValues("zero.clients[order.service].address=127.0.0.1:5559",
                "zero.clients.billing-service.address=127.0.0.1:5560")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBeanNamesForType(ZeroClient.class))
                    .containsExactlyInAnyOrder("order.serviceZeroClient", "billing-serviceZeroClient");
                assertThat(BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), ZeroClient.class,
                        "order.service"))
                    .isSameAs(context.getBean("order.serviceZeroClient"));
                assertThat(BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), ZeroClient.class,
                        "billing-service"))
                    .isSameAs(context.getBean("billing-serviceZeroClient"));
            });
    }

    @Test
    void shouldLetAnEnvironmentVariableOverrideACamelCaseClientWithoutMakingAnotherClient() {
        runner.withInitializer(context -> {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("ZERO_CLIENTS_ORDERSERVICE_ADDRESS", "127.0.0.1:6000")));
            sources.addLast(new MapPropertySource("application.yml", Map.of("zero.clients.orderService.address",
                    "127.0.0.1:5559", "zero.clients.orderService.timeout", "250ms")));
        }).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanNamesForType(ZeroClient.class)).containsExactly("orderServiceZeroClient");
            assertThat(connection(context, "orderService").address()).isEqualTo("tcp://127.0.0.1:6000");
            assertThat(((DefaultAsyncZeroClient) context.getBean(AsyncZeroClient.class)).defaultTimeout())
                .isEqualTo(Duration.ofMillis(250));
        });
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("ZERO_CLIENTS_ORDERSERVICE_ADDRESS", "127.0.0.1:6000"))))
            .run(context -> assertThat(context.getBeanNamesForType(ZeroClient.class))
                .containsExactly("orderserviceZeroClient"));
    }

    @Test
    void shouldFailStartupOnTwoSpellingsOfOneClientName() {
        runner.withPropertyValues("zero.clients.orderService.address=127.0.0.1:5559",
                "zero.clients.order-service.timeout=1s")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("zero.clients.orderService.* and zero.clients.order-service.* name one Zero client "
                            + "spelled 2 ways (Spring Boot ignores case and dashes in keys, so they bind the same "
                            + "properties): write its name one way, e.g. orderService, everywhere");
            });
    }

    @Test
    void shouldFallBackToSharedTimeout() {
        runner.withPropertyValues("zero.client.timeout=2s", "zero.clients.users.address=127.0.0.1:5559")
            .run(context -> assertThat(context.getBean(AsyncZeroClient.class))
                .extracting(client -> ((DefaultAsyncZeroClient) client).defaultTimeout())
                .isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void shouldInjectSingleClientWithoutQualifier() {
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559")
            .withUserConfiguration(UnqualifiedInjection.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                UnqualifiedInjection injection = context.getBean(UnqualifiedInjection.class);
                assertThat(injection.client).isSameAs(context.getBean("usersZeroClient"));
                assertThat(injection.async).isSameAs(context.getBean("usersAsyncZeroClient"));
            });
    }

    @Test
    void shouldRegisterNoReactiveClientWithoutReactor() {
        runner.withClassLoader(new FilteredClassLoader("reactor.core"))
            .withPropertyValues("zero.clients.users.address=127.0.0.1:5559")
            .withUserConfiguration(UnqualifiedInjection.class)
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(ZeroClient.class);
                assertThat(context).hasSingleBean(AsyncZeroClient.class);
                assertThat(context).doesNotHaveBean(ReactiveZeroClient.class);
                assertThat(context.containsBean("usersReactiveZeroClient")).isFalse();
            });
    }

    @Test
    void shouldFailStartupWhenAddressIsMissing() {
        runner.withPropertyValues("zero.clients.users.timeout=1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("zero.clients.users.address")
                .hasMessageContaining("needs the address of its server");
        });
    }

    @Test
    void shouldFailStartupWhenTimeoutIsInvalid() {
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559", "zero.clients.users.timeout=soon")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).isInstanceOf(BindException.class)
                    .hasMessageContaining("zero.clients.users.timeout");
            });
    }

    @Test
    void shouldFailStartupOnAnUnknownKeyOfAClientNamingTheNearestOne() {
        runner.withPropertyValues("zero.clients.users.adress=tcp://127.0.0.1:5559").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(BindException.class)
                .hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class);
            FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("Zero for Spring has no configuration property "
                    + "zero.clients.users.adress (origin: \"zero.clients.users.adress\" from property source "
                    + "\"test\").");
            assertThat(analysis.getAction()).isEqualTo("zero.clients.users.adress: did you mean zero.clients.users.address?");
        });
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559", "zero.clients.users.heartbeat.intervall=1s")
            .run(context -> assertThat(FailureAnalyses.of(context.getStartupFailure()).getAction()).isEqualTo(
                    "zero.clients.users.heartbeat.intervall: did you mean zero.clients.users.heartbeat.interval?"));
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559", "zero.clients.users.colour=blue")
            .run(context -> assertThat(FailureAnalyses.of(context.getStartupFailure()).getAction()).isEqualTo(
                    "zero.clients.users.colour: remove it, or use one of the keys of zero.clients.users: address, "
                            + "health.*, heartbeat.*, load-balancing, max-reply-size, max-request-size, "
                            + "protocol, retry-on-connection-loss, service-id, tcp.*, timeout."));
    }

    @Test
    void shouldFailStartupOnAnUnknownSharedClientKeyNamingTheNearestOne() {
        runner.withPropertyValues("zero.client.timout=1s").run(context -> assertThat(
                FailureAnalyses.of(context.getStartupFailure()).getAction())
            .isEqualTo("zero.client.timout: did you mean zero.client.timeout?"));
        runner.withPropertyValues("zero.client.users.address=127.0.0.1:5559").run(context -> assertThat(
                FailureAnalyses.of(context.getStartupFailure()).getAction())
            .isEqualTo("zero.client.users.address: did you mean zero.clients.users.address?"));
    }

    @Test
    void shouldStillResolveThePublishedServerPortInAClientAddress() {
        runner.withConfiguration(AutoConfigurations.of(ZeroServerAutoConfiguration.class))
            .withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
            .withBean("echo", Echo.class)
            .withPropertyValues("zero.server.address=127.0.0.1", "zero.server.port=${test.server.port}",
                    "test.server.port=0", "zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ZeroClient.class).call("echo", "hi", String.class)).isEqualTo("hi");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://host:1", "host", "host:99999", "ipc://x", ":5559", "tcp://:5559" })
    void shouldFailStartupOnAMalformedAddressNamingThePropertyAndTheFix(String address) {
        runner.withPropertyValues("zero.clients.users.address=" + address).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageStartingWith("Property zero.clients.users.address with value '" + address + "' is invalid: "
                        + "Zero server address '" + address + "' ")
                .hasMessageEndingWith("; expected tcp://host:port or host:port");
            FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
            assertThat(analysis.getDescription())
                .startsWith("Invalid value '" + address + "' for configuration property 'zero.clients.users.address'")
                .contains("expected tcp://host:port or host:port");
        });
    }

    @Test
    void shouldCheckAnAddressWithPlaceholdersOnTheFirstCall() {
        runner.withPropertyValues("zero.clients.users.address=${users.host}").run(context -> {
            assertThat(context).hasNotFailed();
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "users.host=users-svc");
            assertThatExceptionOfType(ZeroException.class)
                .isThrownBy(() -> connection(context, "users").address())
                .withMessage("Zero server address 'users-svc' has no port; expected tcp://host:port or host:port");
        });
    }

    @Test
    void shouldResolveAddressPlaceholderOnFirstCallEvenWithADefault() {
        runner.withPropertyValues("zero.clients.echo.address=tcp://127.0.0.1:${test.echo.port:1}",
                "zero.clients.echo.timeout=20s").run(context -> {
            assertThat(context).hasNotFailed();
            ZeroClient client = context.getBean(ZeroClient.class);
            try (ZContext serverContext = new ZContext(1);
                    RawRouter router = RawRouter.start(serverContext, RawRouter::echoExceptSlow)) {
                TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "test.echo.port=" + router.port());
                assertThat(client.call("echo", "hi", String.class)).isEqualTo("hi");
            }
        });
    }

    @Test
    void shouldLimitRepliesTo4MBByDefault() {
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559")
            .run(context -> assertThat(connection(context, "users").settings().maxReplySize())
                .isEqualTo(DataSize.ofMegabytes(4).toBytes()));
    }

    @Test
    void shouldTakeMaxReplySizePerClientWithSharedDefault() {
        runner.withPropertyValues("zero.client.max-reply-size=1MB", "zero.clients.users.address=127.0.0.1:5559",
                "zero.clients.files.address=127.0.0.1:5560", "zero.clients.files.max-reply-size=64MB",
                "zero.clients.tiny.address=127.0.0.1:5561", "zero.clients.tiny.max-reply-size=512B",
                "zero.clients.any.address=127.0.0.1:5562", "zero.clients.any.max-reply-size=-1")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(connection(context, "users").settings().maxReplySize()).isEqualTo(1024 * 1024);
                assertThat(connection(context, "files").settings().maxReplySize()).isEqualTo(64L * 1024 * 1024);
                assertThat(connection(context, "tiny").settings().maxReplySize()).isEqualTo(512);
                assertThat(connection(context, "any").settings().maxReplySize()).isEqualTo(-1);
                assertThat(connection(context, "users").settings().maxInFlight())
                    .isEqualTo(ZeroConnectionSettings.DEFAULT_MAX_IN_FLIGHT);
            });
    }

    @Test
    void shouldTakeMaxRequestSizePerClientWithSharedDefaultOf4MB() {
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559",
                "zero.clients.files.address=127.0.0.1:5560", "zero.clients.files.max-request-size=64MB")
            .run(context -> {
                assertThat(connection(context, "users").settings().maxRequestSize())
                    .isEqualTo(DataSize.ofMegabytes(4).toBytes());
                assertThat(connection(context, "files").settings().maxRequestSize()).isEqualTo(64L * 1024 * 1024);
            });
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559", "zero.client.max-request-size=1KB")
            .run(context -> assertThat(connection(context, "users").settings().maxRequestSize()).isEqualTo(1024));
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559", "zero.clients.users.max-request-size=0")
            .run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("zero.clients.users.max-request-size"));
    }

    @Test
    void shouldSendHeartbeatsEveryFiveSecondsByDefaultAndTakePerClientOverrides() {
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559",
                "zero.clients.files.address=127.0.0.1:5560", "zero.clients.files.heartbeat.interval=1s",
                "zero.clients.quiet.address=127.0.0.1:5561", "zero.clients.quiet.heartbeat.interval=0",
                "zero.client.heartbeat.timeout=20s")
            .run(context -> {
                assertThat(connection(context, "users").settings().heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
                assertThat(connection(context, "users").settings().heartbeatTimeout()).isEqualTo(Duration.ofSeconds(20));
                assertThat(connection(context, "files").settings().heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
                assertThat(connection(context, "files").settings().heartbeatTimeout()).isEqualTo(Duration.ofSeconds(20));
                assertThat(connection(context, "quiet").settings().heartbeatInterval()).isZero();
            });
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559")
            .run(context -> assertThat(connection(context, "users").settings().heartbeatTimeout())
                .isEqualTo(Duration.ofSeconds(15)));
    }

    @Test
    void shouldFailStartupWhenMaxReplySizeIsNotPositive() {
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559", "zero.clients.users.max-reply-size=0")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("zero.clients.users.max-reply-size")
                    .hasMessageContaining("must be positive (e.g. 4MB), or -1 for no limit");
            });
        runner.withPropertyValues("zero.clients.users.address=127.0.0.1:5559", "zero.client.max-reply-size=-2B")
            .run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("zero.client.max-reply-size"));
    }

    @Test
    void shouldDescribeMaxReplySizeInConfigurationMetadata() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach(property -> properties.put(property.get("name").asText(), property));
        assertThat(properties.get("zero.client.max-reply-size")).isNotNull();
        assertThat(properties.get("zero.client.max-reply-size").get("type").asText())
            .isEqualTo(DataSize.class.getName());
        assertThat(properties.get("zero.client.max-reply-size").get("defaultValue").asText()).isEqualTo("4MB");
        assertThat(properties.get("zero.client.max-reply-size").get("description").asText())
            .startsWith("Largest reply a client accepts");
        assertThat(properties.get("zero.clients").get("description").asText()).contains("max-reply-size");
    }

    private static ZeroConnection connection(ApplicationContext context, String client) {
        return context.getBean(client + "ZeroClientConnection", ZeroConnection.class);
    }

    /** A function to call. */
    public static class Echo {

        @ZeroRpc("echo")
        public String echo(String text) {
            return text;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderServiceInjection {

        final ZeroClient client;

        OrderServiceInjection(@Qualifier("orderService") ZeroClient client) {
            this.client = client;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedInjection {

        final ZeroClient users;

        @Autowired
        @Qualifier("orders")
        AsyncZeroClient ordersAsync;

        @Autowired
        @Qualifier("orders")
        ReactiveZeroClient ordersReactive;

        QualifiedInjection(@Qualifier("users") ZeroClient users) {
            this.users = users;
        }

        @Bean
        String fromBeanMethod(@Qualifier("orders") ZeroClient orders, @Qualifier("users") AsyncZeroClient users) {
            return orders.getClass().getSimpleName() + "/" + users.getClass().getSimpleName();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnqualifiedInjection {

        final ZeroClient client;

        final AsyncZeroClient async;

        UnqualifiedInjection(ZeroClient client, AsyncZeroClient async) {
            this.client = client;
            this.async = async;
        }
    }
}
