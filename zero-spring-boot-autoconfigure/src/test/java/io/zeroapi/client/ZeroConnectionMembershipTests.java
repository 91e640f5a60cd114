package io.zeroapi.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroException;
import io.zeroapi.client.ZeroConnectionState.Status;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.NamedFunctions;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A connection whose servers change while it is in use ({@link ZeroConnection#updateAddresses}): new servers are
 * connected and get calls, removed ones get no new call and are closed once their pending calls have ended, and
 * calls made while no server is known fail at once.
 */
class ZeroConnectionMembershipTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    private final NamedFunctions a = new NamedFunctions("a");

    private final NamedFunctions b = new NamedFunctions("b");

    private final ZeroServer serverA = TestServers.start(a, workers, 100);

    private final ZeroServer serverB = TestServers.start(b, workers, 100);

    private final ZeroConnection connection = ZeroConnection.builderForService("named").build();

    private final DefaultAsyncZeroClient client = new DefaultAsyncZeroClient(connection, new ZeroCodec(), WAIT);

    @AfterEach
    void stop() {
        a.release.countDown();
        b.release.countDown();
        connection.close();
        serverA.close();
        serverB.close();
        workers.shutdownNow();
    }

    private String addressOf(ZeroServer server) {
        return "tcp://127.0.0.1:" + server.port();
    }

    private void awaitConnected(int count) {
        await().atMost(WAIT).until(() -> connection.states().size() == count && connection.states().stream()
            .allMatch(state -> state.status() == Status.CONNECTED));
    }

    private Map<Object, Integer> answers(int calls) {
        Map<Object, Integer> answered = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            answered.merge(client.call("name", null).join(), 1, Integer::sum);
        }
        return answered;
    }

    @Test
    void shouldFailCallsAtOnceWhileNoServerIsKnown() {
        assertThat(connection.service()).isEqualTo("named");
        assertThat(connection.address()).isEmpty();
        assertThat(connection.states()).isEmpty();
        assertThat(client.call("name", null)).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessage("name at named: no instance of service 'named' is known (service discovery found none yet, "
                    + "or none is left)");
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldConnectNewServersAndDrainRemovedOnesWithoutLosingTheirCalls() throws Exception {
        assertThat(connection.updateAddresses(List.of(addressOf(serverA)))).isTrue();
        awaitConnected(1);
        assertThat(answers(4)).isEqualTo(Map.of("a", 4));

        assertThat(connection.updateAddresses(List.of(addressOf(serverA), "127.0.0.1:" + serverB.port()))).isTrue();
        assertThat(connection.address()).isEqualTo(addressOf(serverA) + "," + addressOf(serverB));
        awaitConnected(2);
        assertThat(answers(20)).isEqualTo(Map.of("a", 10, "b", 10));
        assertThat(connection.updateAddresses(List.of(addressOf(serverA), addressOf(serverB)))).isFalse();

        CompletableFuture<Object> held = client.call("hold", null);
        await().atMost(WAIT).until(() -> a.holding.getCount() == 0 || b.holding.getCount() == 0);
        NamedFunctions holder = (a.holding.getCount() == 0) ? a : b;
        ZeroServer staying = (holder == a) ? serverB : serverA;
        assertThat(connection.updateAddresses(List.of(addressOf(staying)))).isTrue();
        assertThat(connection.states()).hasSize(1);
        assertThat(connection.drainingCount()).isEqualTo(1);
        String other = (holder == a) ? "b" : "a";
        assertThat(answers(10)).isEqualTo(Map.of(other, 10));

        holder.release.countDown();
        assertThat(held).succeedsWithin(WAIT).isEqualTo(holder.name());
        await().atMost(WAIT).until(() -> connection.drainingCount() == 0);
        assertThat(connection.pendingCount()).isZero();
        assertThat(answers(4)).isEqualTo(Map.of(other, 4));
    }

    @Test
    void shouldFailTheCallsOfARemovedServerWhenTheConnectionCloses() {
        connection.updateAddresses(List.of(addressOf(serverA)));
        awaitConnected(1);
        CompletableFuture<Object> held = client.call("hold", null);
        await().atMost(WAIT).until(() -> a.holding.getCount() == 0);
        connection.updateAddresses(List.of());
        assertThat(connection.states()).isEmpty();
        assertThat(client.call("name", null)).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class);

        connection.close();
        assertThat(held).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessageContaining("client closed");
        assertThat(connection.updateAddresses(List.of(addressOf(serverB)))).isFalse();
    }

    @Test
    void shouldFailCallsOnAConnectionClosedBeforeItsFirstCall() {
        connection.close();
        assertThat(client.call("name", null)).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessageContaining("client closed");
        assertThat(connection.updateAddresses(List.of(addressOf(serverA)))).isFalse();
        assertThat(connection.states()).isEmpty();
    }

    @Test
    void shouldRefuseAMalformedAddressAndKeepTheServers() {
        connection.updateAddresses(List.of(addressOf(serverA)));
        assertThatExceptionOfType(ZeroException.class)
            .isThrownBy(() -> connection.updateAddresses(List.of(addressOf(serverB), "http://b:1")))
            .withMessageContaining("Zero servers are reached over TCP only");
        assertThat(connection.address()).isEqualTo(addressOf(serverA));
        awaitConnected(1);
        assertThat(answers(2)).isEqualTo(Map.of("a", 2));
    }

    @Test
    void shouldTakeAnUpdateOnAConnectionToConfiguredAddresses() {
        ZeroConnection configured = ZeroConnection.builder(() -> addressOf(serverA)).build();
        try {
            DefaultAsyncZeroClient plain = new DefaultAsyncZeroClient(configured, new ZeroCodec(), WAIT);
            assertThat(plain.call("name", null)).succeedsWithin(WAIT).isEqualTo("a");
            configured.updateAddresses(List.of(addressOf(serverB)));
            await().atMost(WAIT).until(() -> configured.state().status() == Status.CONNECTED);
            assertThat(plain.call("name", null)).succeedsWithin(WAIT).isEqualTo("b");
            assertThat(configured.service()).isNull();
        }
        finally {
            configured.close();
        }
    }
}
