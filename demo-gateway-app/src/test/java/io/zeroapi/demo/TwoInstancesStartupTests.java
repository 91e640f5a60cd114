package io.zeroapi.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The {@code two-instances} profile fails fast when an instance cannot start, naming its {@code demo.instances} key
 * and the fix, and closes the instances it had already started.
 */
class TwoInstancesStartupTests {

    @Test
    void shouldNameTheInstancesPropertyWhenItsPortIsTakenAndCloseTheOthers() throws IOException {
        Set<String> before = zeroServerThreads();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> new SpringApplicationBuilder(DemoGatewayApplication.class)
                .profiles("two-instances")
                .run("--server.port=0", "--demo.store.latency=0ms", "--demo.instances.instance-a=0",
                        "--demo.instances.instance-b=" + port))
                .hasStackTraceContaining("Demo service instance 'instance-b' did not start on Zero port " + port
                        + " (demo.instances.instance-b)")
                .hasStackTraceContaining("Set demo.instances.instance-b to a free port, or 0 for any");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(before).containsAll(zeroServerThreads()));
    }

    private static Set<String> zeroServerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(name -> name.startsWith("zero-server"))
            .collect(Collectors.toSet());
    }
}
