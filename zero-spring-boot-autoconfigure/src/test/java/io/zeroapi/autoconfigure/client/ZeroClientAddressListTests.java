package io.zeroapi.autoconfigure.client;

import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.client.ZeroConnection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zero.clients.<name>.address} takes several addresses, as a list or separated by commas, each checked at
 * startup; {@code load-balancing} picks how calls are spread, {@code retry-on-connection-loss} turns the retry on.
 */
class ZeroClientAddressListTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class));

    @Test
    void shouldTakeCommaSeparatedAddresses() {
        runner.withPropertyValues("zero.clients.pair.address=tcp://127.0.0.1:1, 127.0.0.1:2").run(context -> {
            ZeroConnection connection = context.getBean("pairZeroClientConnection", ZeroConnection.class);
            assertThat(connection.address()).isEqualTo("tcp://127.0.0.1:1,tcp://127.0.0.1:2");
            assertThat(connection.states()).hasSize(2);
        });
    }

    @Test
    void shouldTakeAListAndALoadBalancing() {
        runner.withPropertyValues("zero.clients.pair.address[0]=tcp://127.0.0.1:1",
                "zero.clients.pair.address[1]=tcp://127.0.0.1:2", "zero.clients.pair.load-balancing=least-pending",
                "zero.clients.pair.retry-on-connection-loss=true")
            .run(context -> {
                assertThat(context).hasNotFailed();
                ZeroConnection connection = context.getBean("pairZeroClientConnection", ZeroConnection.class);
                assertThat(connection.address()).isEqualTo("tcp://127.0.0.1:1,tcp://127.0.0.1:2");
            });
    }

    @Test
    void shouldFailStartupOnAMalformedAddressOfTheList() {
        runner.withPropertyValues("zero.clients.pair.address=tcp://127.0.0.1:1,http://127.0.0.1:2").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("zero.clients.pair.address")
                .hasMessageContaining("has the scheme 'http://'");
        });
    }
}
