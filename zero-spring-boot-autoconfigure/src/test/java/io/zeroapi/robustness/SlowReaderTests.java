package io.zeroapi.robustness;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller that does not read its replies stalls nobody else: its replies wait in its own bounded backlog while
 * the server goes on reading and answering everyone; once it reads, at any pace, it gets every reply that fit its
 * budget, and replies past the budget are dropped rather than held without bound.
 */
class SlowReaderTests {

    private static final Duration PROMPT = Duration.ofSeconds(5);

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private ZeroServer server;

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldServeOthersWhileOneCallerLeavesItsRepliesUnreadAndThenDeliverThemAll() {
        server = TestServers.start(new RobustFunctions(), workers,
                settings(ZeroServerSettings.DEFAULT_PEER_BUFFER_BUDGET).withMaxInFlight(30_000, 30_000));
        int calls = 22_000;
        int size = 1024;
        try (SlowReader slow = new SlowReader(server.port()); RawDealer other = new RawDealer(server.port())) {
            for (int i = 0; i < calls; i++) {
                slow.send(i, "big_reply", size);
            }
            for (int i = 0; i < 50; i++) {
                other.send(i, "echo", "o" + i);
                byte[] reply = other.receive(PROMPT);
                assertThat(reply).as("reply to another caller within " + PROMPT).isNotNull();
                assertThat(RawDealer.body(reply)).isEqualTo("echo:o" + i);
            }
            assertThat(slow.readReplies(calls, size)).isEqualTo(calls);
        }
    }

    @Test
    void shouldDropRepliesPastTheCallersBudgetAndKeepServing() {
        server = TestServers.start(new RobustFunctions(), workers, settings(8L * 1024 * 1024));
        int calls = 900;
        int size = 64 * 1024;
        try (SlowReader slow = new SlowReader(server.port()); RawDealer other = new RawDealer(server.port())) {
            for (int i = 0; i < calls; i++) {
                slow.send(i, "big_reply", size);
            }
            for (int i = 0; i < 20; i++) {
                other.send(i, "echo", "o" + i);
                assertThat(other.receive(PROMPT)).as("reply to another caller within " + PROMPT).isNotNull();
            }
            int delivered = slow.readUntilMarker(calls, size);
            assertThat(delivered).isPositive().isLessThan(calls);
        }
    }

    private static ZeroServerSettings settings(long peerBudget) {
        return ZeroServerSettings.defaults("127.0.0.1", 0).withPeerBufferBudget(peerBudget);
    }

    /** A peer whose ZeroMQ queue holds one reply, so unread replies back up into TCP and the server. */
    private static final class SlowReader implements AutoCloseable {

        private final RawDealer dealer;

        SlowReader(int port) {
            dealer = new RawDealer(port, 1);
        }

        void send(long n, String function, Object argument) {
            dealer.send(n, function, argument);
        }

        /** Reads until {@code count} replies over {@code size} bytes have come (or 30 s without one); returns them. */
        int readReplies(int count, int size) {
            int big = 0;
            while (big < count) {
                byte[] reply = dealer.receive(Duration.ofSeconds(30));
                if (reply == null) {
                    return big;
                }
                if (reply.length > size) {
                    big++;
                }
            }
            return big;
        }

        /**
         * Reads replies, sending marker calls (ids from {@code firstMarker} on) as it goes, until a marker is answered:
         * a marker whose reply finds the caller's budget full is dropped like any other reply, a later one is not.
         * Returns the number of replies over {@code size} bytes read before.
         */
        int readUntilMarker(long firstMarker, int size) {
            long marker = firstMarker;
            send(marker, "echo", "marker");
            int big = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                assertThat(System.nanoTime() - deadline).as("a marker answered within 60 s").isNegative();
                byte[] reply = dealer.receive(Duration.ofSeconds(1));
                if (reply != null && RawDealer.idOf(reply) >= firstMarker) {
                    return big;
                }
                if (reply != null && reply.length > size) {
                    big++;
                }
                if (reply == null || big % 50 == 0) {
                    send(++marker, "echo", "marker");
                }
            }
        }

        @Override
        public void close() {
            dealer.close();
        }
    }
}
