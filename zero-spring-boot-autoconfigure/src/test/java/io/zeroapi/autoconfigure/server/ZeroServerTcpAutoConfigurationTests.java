package io.zeroapi.autoconfigure.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.lifecycle.ZeroServerLifecycle;
import io.zeroapi.lifecycle.ZeroServerPortInfoApplicationContextInitializer;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.RawTcp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the TCP protocol settings of {@link ZeroServerAutoConfiguration} ({@code zero.server.tcp.*},
 * {@code zero.server.zeromq.enabled}).
 */
class ZeroServerTcpAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class))
        .withInitializer(new ZeroServerPortInfoApplicationContextInitializer())
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1")
        .withBean("greeter", TestFunctions.Greeter.class);

    @Test
    void shouldServeZeroMqOnlyByDefault() {
        runner.run(context -> {
            ZeroServerProperties properties = context.getBean(ZeroServerProperties.class);
            assertThat(properties.tcp().enabled()).isFalse();
            assertThat(properties.tcp().port()).isEqualTo(5560);
            assertThat(properties.zeromq().enabled()).isTrue();
            assertThat(server(context.getBean(ZeroServerLifecycle.class)).tcpPort()).isEqualTo(-1);
            assertThat(context.getEnvironment().getProperty("local.zero.server.tcp.port")).isNull();
        });
    }

    @Test
    void shouldServeBothProtocolsOnTwoPortsAndPublishBoth() {
        runner.withPropertyValues("zero.server.tcp.enabled=true", "zero.server.tcp.port=0").run(context -> {
            ZeroServer server = server(context.getBean(ZeroServerLifecycle.class));
            assertThat(server.port()).isPositive();
            assertThat(server.tcpPort()).isPositive().isNotEqualTo(server.port());
            assertThat(context.getEnvironment().getProperty("local.zero.server.port", Integer.class))
                .isEqualTo(server.port());
            assertThat(context.getEnvironment().getProperty("local.zero.server.tcp.port", Integer.class))
                .isEqualTo(server.tcpPort());
            try (RawTcp tcp = new RawTcp(server.tcpPort()); RawDealer dealer = new RawDealer(server.port())) {
                assertThat(tcp.call(1, "greet", "tcp")).isEqualTo("hello tcp");
                assertThat(tcp.call(2, "greet_later", "tcp")).isEqualTo("later tcp");
                assertThat(dealer.call(1, "greet", "zmq")).isEqualTo("hello zmq");
            }
        });
    }

    @Test
    void shouldServeTcpAloneWhenZeroMqIsOff() {
        runner.withPropertyValues("zero.server.tcp.enabled=true", "zero.server.tcp.port=0",
                "zero.server.zeromq.enabled=false").run(context -> {
                    ZeroServer server = server(context.getBean(ZeroServerLifecycle.class));
                    assertThat(server.port()).isEqualTo(-1);
                    assertThat(context.getEnvironment().getProperty("local.zero.server.port")).isNull();
                    try (RawTcp tcp = new RawTcp(server.tcpPort())) {
                        assertThat(tcp.call(1, "quick", null)).isEqualTo("quick");
                    }
                });
    }

    @Test
    void shouldFailNamingThePropertiesWhenNoProtocolIsLeft() {
        runner.withPropertyValues("zero.server.zeromq.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("zero.server.zeromq.enabled=false")
                .hasMessageContaining("zero.server.tcp.enabled=true");
        });
    }

    @Test
    void shouldFailWithAnalyzedTcpPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            runner.withPropertyValues("zero.server.tcp.enabled=true", "zero.server.tcp.port=" + taken.getLocalPort())
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new ZeroServerPortInUseFailureAnalyzer()
                        .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                        .isEqualTo("Zero server TCP port " + taken.getLocalPort() + " is already in use.");
                    assertThat(analysis.getAction()).startsWith("Set zero.server.tcp.port=0 or another free port");
                });
        }
    }

    @Test
    void shouldFailOnTcpPortOutOfRange() {
        runner.withPropertyValues("zero.server.tcp.enabled=true", "zero.server.tcp.port=70000").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("zero.server.tcp.port");
        });
    }

    private static ZeroServer server(ZeroServerLifecycle lifecycle) {
        ZeroServer server = lifecycle.getServer();
        assertThat(server).isNotNull();
        return server;
    }
}
