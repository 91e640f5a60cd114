package io.zeroapi.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zeroapi.ZeroRpc;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;
import io.zeroapi.server.ZeroServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle tells the context that the server started (with its real port), is stopping and has stopped, in
 * that order; listeners of the older {@code ZeroServerInitializedEvent} still hear of the start, once.
 */
class ZeroServerLifecycleEventsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class))
        .withPropertyValues("zero.server.port=0", "zero.server.address=127.0.0.1");

    @Test
    @SuppressWarnings("deprecation")
    void shouldPublishStartedStoppingAndStoppedInOrder() {
        Recorder events = new Recorder();
        LegacyRecorder initialized = new LegacyRecorder();
        ZeroServer[] server = new ZeroServer[1];
        int[] port = new int[1];
        runner.withBean(Echo.class)
            .withInitializer(context -> {
                context.addApplicationListener(events);
                context.addApplicationListener(initialized);
            })
            .run(context -> {
                server[0] = context.getBean(ZeroServer.class);
                port[0] = server[0].port();
                assertThat(events.events).singleElement().isInstanceOf(ZeroServerStartedEvent.class);
            });
        assertThat(events.events).extracting(event -> event.getClass().getSuperclass().getSimpleName() + "/"
                + event.getClass().getSimpleName())
            .containsExactly("ZeroServerStartedEvent/ZeroServerInitializedEvent",
                    "ZeroServerEvent/ZeroServerStoppingEvent", "ZeroServerEvent/ZeroServerStoppedEvent");
        assertThat(((ZeroServerStartedEvent) events.events.get(0)).getPort()).isEqualTo(port[0]).isPositive();
        assertThat(initialized.events).hasSize(1);
        assertThat(events.events).allSatisfy(event -> assertThat(event.getServer()).isSameAs(server[0]));
    }

    @Test
    void shouldPublishNothingWithoutFunctionsToServe() {
        Recorder events = new Recorder();
        runner.withInitializer(context -> context.addApplicationListener(events))
            .run(context -> assertThat(context).hasNotFailed());
        assertThat(events.events).isEmpty();
    }

    /** Records the server's events. */
    static class Recorder implements ApplicationListener<ZeroServerEvent> {

        final List<ZeroServerEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ZeroServerEvent event) {
            events.add(event);
        }
    }

    /** Records the events of the deprecated type. */
    @SuppressWarnings("deprecation")
    static class LegacyRecorder implements ApplicationListener<ZeroServerInitializedEvent> {

        final List<ZeroServerInitializedEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ZeroServerInitializedEvent event) {
            events.add(event);
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
