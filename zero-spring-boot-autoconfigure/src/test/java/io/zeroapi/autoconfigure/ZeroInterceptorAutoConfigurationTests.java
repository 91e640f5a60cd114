package io.zeroapi.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroRpc;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.client.ZeroClientInterceptor;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import io.zeroapi.server.ZeroServerInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ZeroServerInterceptor} and {@link ZeroClientInterceptor} beans are applied, in order, to the
 * auto-configured server and clients.
 */
class ZeroInterceptorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
                ZeroClientAutoConfiguration.class))
        .withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
        .withBean("echo", Echo.class)
        .withUserConfiguration(Interceptors.class)
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1",
                "zero.clients.local.address=tcp://127.0.0.1:${local.zero.server.port}");

    @Test
    void shouldApplyInterceptorBeansInOrder() {
        runner.run(context -> {
            ZeroClient client = context.getBean(ZeroClient.class);
            assertThat(client.call("echo", "hi", String.class, Duration.ofSeconds(10))).isEqualTo("hi");
            assertThat(context.getBean(Interceptors.class).seen).containsExactly("client first", "client second",
                    "server first", "server second");
        });
    }

    /** Records the order in which interceptors run. */
    @Configuration(proxyBeanMethods = false)
    static class Interceptors {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        ZeroServerInterceptor secondServer() {
            return (call, argument, next) -> {
                seen.add("server second");
                return next.proceed(argument);
            };
        }

        @Bean
        @Order(1)
        ZeroServerInterceptor firstServer() {
            return (call, argument, next) -> {
                seen.add("server first");
                return next.proceed(argument);
            };
        }

        @Bean
        @Order(2)
        ZeroClientInterceptor secondClient() {
            return (call, argument, timeout, next) -> {
                seen.add("client second");
                return next.proceed(argument, timeout);
            };
        }

        @Bean
        @Order(1)
        ZeroClientInterceptor firstClient() {
            return (call, argument, timeout, next) -> {
                seen.add("client first");
                return next.proceed(argument, timeout);
            };
        }
    }

    /** Echoes its argument. */
    public static class Echo {

        @ZeroRpc
        public String echo(String text) {
            return text;
        }
    }
}
