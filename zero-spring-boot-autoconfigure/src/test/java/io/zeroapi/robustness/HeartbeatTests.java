package io.zeroapi.robustness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;

import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server sends ZMTP heartbeats to every connected peer: a peer that completed the handshake but never answers
 * them (dead, or hostile and idle) is disconnected after the heartbeat timeout, while a peer that answers stays
 * connected and is served on the same connection.
 */
class HeartbeatTests {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private static final Duration TIMEOUT = Duration.ofMillis(600);

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private ZeroServer server;

    @BeforeEach
    void start() {
        server = TestServers.start(new RobustFunctions(), workers, ZeroServerSettings.defaults("127.0.0.1", 0)
            .withHeartbeat(INTERVAL, TIMEOUT));
    }

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldDisconnectAPeerThatNeverAnswersHeartbeats() {
        try (ZmtpPeer silent = ZmtpPeer.handshake(server.port(), WAIT)) {
            ZmtpPeer.Frame ping = silent.readFrame();
            assertThat(ping.isCommand()).isTrue();
            assertThat(commandName(ping)).isEqualTo("PING");
            assertThat(silent.awaitClosed(WAIT)).as("closed by the server after the heartbeat timeout").isTrue();
        }
    }

    @Test
    void shouldKeepServingAPeerThatAnswersHeartbeats() {
        try (ZmtpPeer alive = ZmtpPeer.handshake(server.port(), WAIT)) {
            int pings = 0;
            long until = System.nanoTime() + TIMEOUT.multipliedBy(4).toNanos();
            while (System.nanoTime() - until < 0) {
                ZmtpPeer.Frame frame = alive.readFrame();
                if (frame.isCommand() && "PING".equals(commandName(frame))) {
                    pings++;
                    byte[] context = Arrays.copyOfRange(frame.body(), 7, frame.body().length);
                    alive.writeFrame(ZmtpPeer.COMMAND, pong(context));
                }
            }
            assertThat(pings).isGreaterThanOrEqualTo(2);
            byte[] reply = alive.call(RawDealer.id(1), "echo", Codecs.CODEC.encode("still here"));
            assertThat(RawDealer.body(reply)).isEqualTo("echo:still here");
        }
    }

    private static String commandName(ZmtpPeer.Frame frame) {
        int length = frame.body()[0];
        return new String(frame.body(), 1, length, StandardCharsets.US_ASCII);
    }

    private static byte[] pong(byte[] context) {
        byte[] body = new byte[5 + context.length];
        body[0] = 4;
        System.arraycopy("PONG".getBytes(StandardCharsets.US_ASCII), 0, body, 1, 4);
        System.arraycopy(context, 0, body, 5, context.length);
        return body;
    }
}
