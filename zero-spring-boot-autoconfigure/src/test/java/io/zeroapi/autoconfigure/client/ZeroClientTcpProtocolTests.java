package io.zeroapi.autoconfigure.client;

import java.util.concurrent.CompletableFuture;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroRpc;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionState;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client with {@code zero.clients.<name>.protocol=tcp} calls a server that serves Zero's TCP protocol alone.
 */
class ZeroClientTcpProtocolTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
                ZeroClientAutoConfiguration.class))
        .withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
        .withBean("greeter", Greeter.class)
        .withPropertyValues("zero.server.address=127.0.0.1", "zero.server.zeromq.enabled=false",
                "zero.server.tcp.enabled=true", "zero.server.tcp.port=0",
                "zero.clients.users.address=127.0.0.1:${local.zero.server.tcp.port}");

    @Test
    void shouldCallOverTcpWhenTheClientSaysSo() {
        runner.withPropertyValues("zero.clients.users.protocol=tcp", "zero.clients.users.tcp.connections=3")
            .run(context -> {
                assertThat(context.getBean(ZeroClient.class).call("greet", "tcp")).isEqualTo("hello tcp");
                assertThat(context.getBean(AsyncZeroClient.class).call("greet_later", "tcp").join())
                    .isEqualTo("later tcp");
                ZeroConnection connection = context.getBean("usersZeroClientConnection", ZeroConnection.class);
                assertThat(connection.state().status()).isEqualTo(ZeroConnectionState.Status.CONNECTED);
            });
    }

    @Test
    void shouldFailStartupOnNoTcpConnections() {
        runner.withPropertyValues("zero.clients.users.protocol=tcp", "zero.clients.users.tcp.connections=0")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("zero.clients.users.tcp.connections");
            });
    }

    @Test
    void shouldFailStartupOnAnUnknownProtocol() {
        runner.withPropertyValues("zero.clients.users.protocol=http").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("zero.clients.users.protocol");
        });
    }

    /** The served functions. */
    public static class Greeter {

        @ZeroRpc
        public String greet(String name) {
            return "hello " + name;
        }

        @ZeroRpc("greet_later")
        public CompletableFuture<String> greetLater(String name) {
            return CompletableFuture.supplyAsync(() -> "later " + name);
        }
    }
}
