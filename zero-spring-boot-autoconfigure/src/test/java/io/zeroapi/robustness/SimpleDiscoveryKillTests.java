package io.zeroapi.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.discovery.ZeroDiscoveryAutoConfiguration;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionState.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client whose servers are three instances of a service listed by Spring Cloud's {@code SimpleDiscoveryClient},
 * each in a JVM of its own: round-robin spreads 1,000 calls evenly; killing one instance's JVM (SIGKILL) mid-traffic
 * fails only calls that were in flight on it; once it is started again on the same port, calls reach it again.
 */
class SimpleDiscoveryKillTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final int IN_FLIGHT = 8;

    private static final String[] NAMES = { "a", "b", "c" };

    private static final Log logger = LogFactory.getLog(SimpleDiscoveryKillTests.class);

    private final Map<String, Process> children = new LinkedHashMap<>();

    private final Map<String, Integer> ports = new LinkedHashMap<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process child : children.values()) {
            ChildProcesses.stop(child);
        }
    }

    private void startInstance(String name, int port) {
        List<String> command = new ArrayList<>(ChildProcesses.java(InstanceServer.class, "-Xmx64m"));
        command.add(name);
        command.add(Integer.toString(port));
        Process child = ChildProcesses.start(command);
        children.put(name, child);
        ports.put(name, ChildProcesses.readPort(child));
    }

    private ApplicationContextRunner client() {
        List<String> properties = new ArrayList<>(List.of("zero.clients.svc.service-id=svc",
                "zero.client.timeout=5s", "zero.discovery.refresh-interval=1s"));
        for (int i = 0; i < NAMES.length; i++) {
            properties.add("spring.cloud.discovery.client.simple.instances.svc[" + i + "].uri=http://127.0.0.1:"
                    + ports.get(NAMES[i]));
        }
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZeroAutoConfiguration.class, ZeroClientAutoConfiguration.class,
                    ZeroDiscoveryAutoConfiguration.class, SimpleDiscoveryClientAutoConfiguration.class,
                    UtilAutoConfiguration.class))
            .withPropertyValues(properties.toArray(String[]::new));
    }

    private static void awaitConnected(ZeroConnection connection, int count) {
        await().atMost(WAIT).until(() -> connection.states().stream()
            .filter(state -> state.status() == Status.CONNECTED)
            .count() == count);
    }

    @Test
    void shouldSpreadCallsAndLoseOnlyTheCallsInFlightOnAKilledInstance() throws Exception {
        for (String name : NAMES) {
            startInstance(name, 0);
        }
        client().run(context -> {
            ZeroConnection connection = context.getBean("svcZeroClientConnection", ZeroConnection.class);
            assertThat(connection.states()).hasSize(3);
            awaitConnected(connection, 3);

            Outcomes spread = calls(context, 1_000, 0, () -> {
            });
            assertThat(spread.failures).isEmpty();
            assertThat(spread.answers.keySet()).containsExactlyInAnyOrder(NAMES);
            assertThat(spread.answers.values()).allSatisfy(count -> assertThat(count.get()).isBetween(250, 420));

            String killedAddress = "tcp://127.0.0.1:" + ports.get("b");
            Outcomes killed = calls(context, 3_000, 300, () -> children.get("b").destroyForcibly());
            assertThat(children.get("b").waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.answered()).isGreaterThanOrEqualTo(3_000 - IN_FLIGHT);
            assertThat(killed.failures).hasSizeLessThanOrEqualTo(IN_FLIGHT).allSatisfy(failure -> {
                assertThat(failure).isInstanceOf(ZeroConnectionException.class);
                assertThat(((ZeroConnectionException) failure).getAddress()).isEqualTo(killedAddress);
            });
            assertThat(connection.states()).hasSize(3);
            logger.info("1,000 calls over 3 instances: " + spread.answers + "; killing b mid-traffic failed "
                    + killed.failures.size() + " of 3,000 calls, all in flight on it");

            startInstance("b", ports.get("b"));
            awaitConnected(connection, 3);
            Outcomes restarted = calls(context, 300, 0, () -> {
            });
            assertThat(restarted.failures).isEmpty();
            assertThat(restarted.answers.keySet()).containsExactlyInAnyOrder(NAMES);
        });
    }

    /**
     * Makes {@code count} calls of {@code name}, {@link #IN_FLIGHT} at a time; runs {@code fault} once
     * {@code faultAfter} calls have completed (never when 0). Returns when every call has completed.
     */
    private static Outcomes calls(AssertableApplicationContext context, int count, int faultAfter, Runnable fault)
            throws Exception {
        AsyncZeroClient client = context.getBean("svcAsyncZeroClient", AsyncZeroClient.class);
        Outcomes outcomes = new Outcomes();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger completed = new AtomicInteger();
        List<CompletableFuture<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (faultAfter > 0 && i == faultAfter) {
                await().atMost(WAIT).until(() -> completed.get() >= faultAfter - IN_FLIGHT);
                fault.run();
            }
            assertThat(slots.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Object> call = client.call("name", null);
            call.whenComplete((answer, failure) -> {
                if (failure != null) {
                    outcomes.failures.add((failure instanceof CompletionException) ? failure.getCause() : failure);
                }
                else {
                    outcomes.answers.computeIfAbsent((String) answer, name -> new AtomicInteger()).incrementAndGet();
                }
                completed.incrementAndGet();
                slots.release();
            });
            futures.add(call);
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
            .handle((ignored, failure) -> null)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return outcomes;
    }

    /** What a run of calls got: the answers by instance name, and the failures. */
    private static final class Outcomes {

        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

        int answered() {
            return answers.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }
}
