package io.zeroapi.robustness;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.frame.RequestFrame;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller that does not read its replies stalls nobody else: its replies wait in its own bounded backlog while
 * the server goes on reading and answering everyone; once it reads, at any pace, it gets every reply that fit its
 * budget, and replies past the budget are dropped rather than held without bound.
 */
class SlowReaderTests {

    private static final Duration PROMPT = Duration.ofSeconds(5);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private ZeroServer server;

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldServeOthersWhileOneCallerLeavesItsRepliesUnreadAndThenDeliverThemAll() {
        server = RobustServers.start(new RobustFunctions(), workers,
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
            assertThat(slow.readUntilMarker(calls, size)).isEqualTo(calls);
        }
    }

    @Test
    void shouldDropRepliesPastTheCallersBudgetAndKeepServing() {
        server = RobustServers.start(new RobustFunctions(), workers, settings(8L * 1024 * 1024));
        int calls = 400;
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

    /** A DEALER whose ZeroMQ queue holds one message, so unread replies back up into TCP and the server. */
    private static final class SlowReader implements AutoCloseable {

        private final ZContext context = new ZContext(1);

        private final ZMQ.Socket socket;

        SlowReader(int port) {
            socket = context.createSocket(SocketType.DEALER);
            socket.setLinger(0);
            socket.setRcvHWM(1);
            socket.setReceiveTimeOut(30_000);
            socket.connect("tcp://127.0.0.1:" + port);
        }

        void send(long n, String function, Object argument) {
            socket.send(RequestFrame.encode(RawDealer.id(n), function, RawDealer.CODEC.encode(argument)), 0);
        }

        /** Sends a marker call, then reads until its reply; returns the number of replies over {@code size} bytes. */
        int readUntilMarker(long marker, int size) {
            send(marker, "echo", "marker");
            int big = 0;
            while (true) {
                byte[] reply = socket.recv(0);
                assertThat(reply).as("reply within 30s").isNotNull();
                if (RawDealer.idOf(reply) == marker) {
                    return big;
                }
                if (reply.length > size) {
                    big++;
                }
            }
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
