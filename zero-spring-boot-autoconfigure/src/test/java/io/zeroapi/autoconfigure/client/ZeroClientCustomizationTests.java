package io.zeroapi.autoconfigure.client;

import java.time.Duration;

import io.zeroapi.ZeroClient;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.codec.ZeroCodec;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ZeroClientCustomizer} beans shape each client's connection, and beans the application defines under a
 * client's bean names replace the auto-configured ones.
 */
class ZeroClientCustomizationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class))
        .withPropertyValues("zero.clients.users.address=tcp://127.0.0.1:5559",
                "zero.clients.orders.address=tcp://127.0.0.1:5560");

    @Test
    void shouldApplyCustomizersInOrderPerClientName() {
        runner.withUserConfiguration(Customizers.class).run(context -> {
            assertThat(connection(context.getBean("usersZeroClientConnection")).settings().maxInFlight())
                .isEqualTo(11);
            assertThat(connection(context.getBean("ordersZeroClientConnection")).settings().maxInFlight())
                .isEqualTo(100);
        });
    }

    @Test
    void shouldKeepTheApplicationsOwnClientBeans() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("usersZeroClient")).isSameAs(OwnClient.CLIENT);
            assertThat(context.getBean("usersAsyncZeroClient")).isInstanceOf(DefaultAsyncZeroClient.class);
            assertThat(context.getBean("ordersZeroClient")).isInstanceOf(DefaultZeroClient.class);
        });
    }

    private static ZeroConnection connection(Object bean) {
        return (ZeroConnection) bean;
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        ZeroClientCustomizer plusOneForUsers() {
            return (name, builder) -> {
                if (name.equals("users")) {
                    builder.settings(settings -> settings.withMaxInFlight(settings.maxInFlight() + 1));
                }
            };
        }

        @Bean
        @Order(1)
        ZeroClientCustomizer tenForUsersAndHundredForOthers() {
            return (name, builder) -> builder.settings(settings -> settings.withMaxInFlight(
                    name.equals("users") ? 10 : 100));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {

        static final ZeroClient CLIENT = new DefaultZeroClient(new DefaultAsyncZeroClient(
                new ZeroConnection(() -> "tcp://127.0.0.1:1"), new ZeroCodec(), Duration.ofSeconds(1)));

        @Bean
        ZeroClient usersZeroClient() {
            return CLIENT;
        }
    }
}
