package io.zeroapi.autoconfigure.server;

import java.time.Duration;

import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.lifecycle.ZeroServerLifecycle;
import io.zeroapi.server.ServerFailures;
import io.zeroapi.server.ZeroServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the application does when its Zero server fails for good, and the warning a server open to every host logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZeroServerFailureTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class))
        .withBean("greeter", TestFunctions.Greeter.class)
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1");

    @Test
    void shouldCloseTheApplicationContextWhenTheServerGoesDown() {
        runner.run(context -> {
            ZeroServer server = context.getBean(ZeroServerLifecycle.class).getServer();
            failUntilDown(server);
            await().atMost(WAIT).until(() -> !context.getSourceApplicationContext().isActive());
            assertThat(server.state()).isEqualTo(ZeroServer.State.STOPPED);
        });
    }

    @Test
    void shouldKeepTheApplicationContextWhenToldTo(CapturedOutput output) {
        runner.withPropertyValues("zero.server.stop-application-on-failure=false").run(context -> {
            ZeroServer server = context.getBean(ZeroServerLifecycle.class).getServer();
            failUntilDown(server);
            await().atMost(WAIT).until(() -> output.getOut().contains("zero.server.stop-application-on-failure=false"));
            assertThat(context.getSourceApplicationContext().isActive()).isTrue();
            assertThat(server.state()).isEqualTo(ZeroServer.State.DOWN);
        });
    }

    @Test
    void shouldWarnWhenListeningOnAllInterfaces(CapturedOutput output) {
        runner.withPropertyValues("zero.server.address=*").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output.getOut()).contains("Zero server listens on all network interfaces (zero.server.address=*)")
                .contains("Set zero.server.address=127.0.0.1");
        });
    }

    @Test
    void shouldNotWarnWhenListeningOnLoopback(CapturedOutput output) {
        runner.run(context -> assertThat(output.getOut()).doesNotContain("listens on all network interfaces"));
    }

    private static void failUntilDown(ZeroServer server) {
        while (server.state() == ZeroServer.State.RUNNING) {
            ServerFailures.failTransport(server, new IllegalStateException("simulated I/O thread death"));
            await().atMost(WAIT).until(() -> server.state() != ZeroServer.State.RECOVERING);
        }
    }
}
