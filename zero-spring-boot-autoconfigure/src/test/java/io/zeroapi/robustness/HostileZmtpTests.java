package io.zeroapi.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestClients;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a running server the exact ZMTP bytes of frames and handshake commands whose declared 64-bit size has the top
 * bit set (JeroMQ 0.6.0 casts such a size to an {@code int}: -1 threw in its I/O thread, {@code 0x7FFFFFFF} allocated
 * 2 GiB), over a plain socket: callers on other connections, old and new, are still answered within seconds, nothing
 * is logged at ERROR (as a failed JeroMQ I/O thread or server transport would be), the hostile connection is closed or
 * back in step, and a hostile handshake command gets its connection closed. Run with a small heap (the robustness
 * fork) so a 2 GiB allocation fails instead of passing unnoticed.
 */
class HostileZmtpTests {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private static final int MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

    /** What follows the hostile header: 128 empty frames if the server does not take them as the frame's body. */
    private static final byte[] BODY_START = new byte[256];

    private final Logger zeroLogger = (Logger) LoggerFactory.getLogger("io.zeroapi");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private final AtomicLong calls = new AtomicLong();

    private ZeroServer server;

    private ZeroConnection connection;

    private DefaultZeroClient client;

    @BeforeEach
    void start() {
        logs.start();
        zeroLogger.addAppender(logs);
        server = TestServers.start(new RobustFunctions(), workers, MAX_MESSAGE_SIZE, 1_000);
        connection = TestClients.connect(server.port());
        client = new DefaultZeroClient(TestClients.async(connection, ANSWER_WITHIN));
        assertThat(client.call("echo", "warm-up", String.class)).isEqualTo("echo:warm-up");
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
        workers.shutdownNow();
        zeroLogger.detachAppender(logs);
    }

    @ParameterizedTest(name = "declared size 0x{0}")
    @ValueSource(strings = { "FFFFFFFFFFFFFFFF", "8000000000000000", "800000007FFFFFFF" })
    void shouldKeepAnsweringAfterADataFrameWithAHostileSize(String hexSize) {
        try (ZmtpPeer hostile = sendHostileFrame(Long.parseUnsignedLong(hexSize, 16))) {
            assertAnsweredOrClosed(hostile, "after a data frame declaring 0x" + hexSize + " bytes");
            assertStillAnswering("after a data frame declaring 0x" + hexSize + " bytes");
        }
    }

    @ParameterizedTest(name = "declared size 0x{0}")
    @ValueSource(strings = { "FFFFFFFFFFFFFFFF", "8000000000000000", "800000007FFFFFFF" })
    void shouldCloseAConnectionWhoseHandshakeCommandHasAHostileSize(String hexSize) {
        try (ZmtpPeer hostile = sendHostileCommand(Long.parseUnsignedLong(hexSize, 16))) {
            assertThat(hostile.awaitClosed(ANSWER_WITHIN))
                .as("server closed a connection sending a command of 0x" + hexSize + " bytes instead of READY")
                .isTrue();
            assertStillAnswering("after a command declaring 0x" + hexSize + " bytes instead of READY");
        }
    }

    @Test
    void shouldKeepAnsweringThroughTwoRoundsOfEveryAttack() {
        long[] sizes = { 0xFFFFFFFFFFFFFFFFL, 0x8000000000000000L, 0x800000007FFFFFFFL };
        List<ZmtpPeer> hostile = new ArrayList<>();
        try {
            for (int round = 1; round <= 2; round++) {
                for (long size : sizes) {
                    ZmtpPeer frame = sendHostileFrame(size);
                    hostile.add(frame);
                    ZmtpPeer command = sendHostileCommand(size);
                    hostile.add(command);
                    String when = "in round " + round + " after size 0x" + Long.toHexString(size).toUpperCase();
                    assertAnsweredOrClosed(frame, when);
                    assertThat(command.awaitClosed(ANSWER_WITHIN)).as("hostile handshake closed " + when).isTrue();
                }
                assertStillAnswering("after attack round " + round);
            }
        }
        finally {
            hostile.forEach(ZmtpPeer::close);
        }
        assertStillAnswering("after every hostile connection closed");
    }

    private ZmtpPeer sendHostileFrame(long size) {
        ZmtpPeer peer = ZmtpPeer.handshake(server.port(), ANSWER_WITHIN);
        assertThat(peer.peerProperties().get("Socket-Type")).asString().isEqualTo("ROUTER");
        peer.writeLongHeader(0, size);
        peer.write(BODY_START);
        return peer;
    }

    private ZmtpPeer sendHostileCommand(long size) {
        ZmtpPeer peer = ZmtpPeer.connect(server.port(), ANSWER_WITHIN).greet();
        peer.writeLongHeader(ZmtpPeer.COMMAND, size);
        peer.write(BODY_START);
        return peer;
    }

    /**
     * The hostile connection is not left hanging: the server either closed it or reads its next bytes as frames
     * again (the body bytes sent after the header are empty frames, which the server answers, then a call).
     */
    private void assertAnsweredOrClosed(ZmtpPeer hostile, String when) {
        long n = calls.incrementAndGet();
        Optional<byte[]> reply = hostile.callUnlessClosed(RawDealer.id(n), "echo",
                Codecs.CODEC.encode("hostile"), BODY_START.length);
        reply.ifPresent(frame -> assertThat(RawDealer.body(frame)).as("hostile connection answered " + when)
            .isEqualTo("echo:hostile"));
    }

    /** The connected client, and a raw ZMTP client on a new connection, are both answered in time. */
    private void assertStillAnswering(String when) {
        String value = "call " + calls.incrementAndGet() + " " + when;
        assertThat(client.call("echo", value, String.class, ANSWER_WITHIN)).as("client answered " + when)
            .isEqualTo("echo:" + value);
        try (ZmtpPeer fresh = ZmtpPeer.handshake(server.port(), ANSWER_WITHIN)) {
            long n = calls.incrementAndGet();
            byte[] reply = fresh.call(RawDealer.id(n), "echo", Codecs.CODEC.encode(value));
            assertThat(RawDealer.idOf(reply)).as("id of the reply on a new connection " + when).isEqualTo(n);
            assertThat(RawDealer.body(reply)).as("new connection answered " + when).isEqualTo("echo:" + value);
        }
        assertThat(errors()).as("ERROR log lines (a failed I/O thread or transport) " + when).isEmpty();
        assertThat(server.isRunning()).isTrue();
    }

    private List<String> errors() {
        synchronized (logs) {
            return logs.list.stream()
                .filter(event -> event.getLevel() == Level.ERROR)
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ": " + event.getThrowableProxy().getClassName()))
                .toList();
        }
    }
}
