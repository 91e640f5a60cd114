package io.zeroapi.autoconfigure.client;

import java.time.Duration;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ReactiveZeroClient;
import io.zeroapi.ZeroClient;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

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
    void shouldResolveAddressPlaceholderOnFirstCallEvenWithADefault() {
        runner.withPropertyValues("zero.clients.echo.address=tcp://127.0.0.1:${test.echo.port:1}",
                "zero.clients.echo.timeout=20s").run(context -> {
            assertThat(context).hasNotFailed();
            ZeroClient client = context.getBean(ZeroClient.class);
            ZContext zeroContext = context.getBean(ZContext.class);
            ZMQ.Socket router = zeroContext.createSocket(SocketType.ROUTER);
            router.setLinger(0);
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "test.echo.port=" + port);
            Thread server = new Thread(() -> answerOnce(router));
            server.start();
            assertThat(client.call("echo", "hi", String.class)).isEqualTo("hi");
            server.join();
            zeroContext.destroySocket(router);
        });
    }

    private static void answerOnce(ZMQ.Socket router) {
        byte[] identity = router.recv();
        RequestFrame request = RequestFrame.parse(router.recv());
        router.sendMore(identity);
        router.send(ResponseFrame.encode(request.id(), request.payload()));
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
