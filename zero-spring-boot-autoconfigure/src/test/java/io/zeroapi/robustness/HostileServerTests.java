package io.zeroapi.robustness;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.TestClients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile server cannot kill the client's JeroMQ I/O thread either: a frame header declaring a size with the top
 * bit set, sent to a client in the middle of its connect handshake, is refused by the client's frame size guard,
 * and the client goes on to complete the handshake and its call on the same connection.
 */
class HostileServerTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest(name = "size 0x{0}")
    @ValueSource(strings = { "FFFFFFFFFFFFFFFF", "800000007FFFFFFF" })
    void shouldKeepTheClientWorkingAfterAHostileFrameSize(String hex) throws Exception {
        long size = Long.parseUnsignedLong(hex, 16);
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                ZeroConnection connection = TestClients.connect(listener.getLocalPort())) {
            DefaultAsyncZeroClient client = TestClients.async(connection, WAIT);
            CompletableFuture<Object> call = client.call("echo", "x");
            try (ZmtpPeer server = handshake(listener)) {
                List<byte[]> probe = server.readMessage();
                RequestFrame connect = RequestFrame.parse(probe.get(0));
                assertThat(connect.function()).isEqualTo("connect");
                server.writeLongHeader(0, size);
                server.write(new byte[256]);
                server.sendMessage(reply(connect.id(), "connected"));
                RequestFrame echo = RequestFrame.parse(server.readMessage().get(0));
                assertThat(echo.function()).isEqualTo("echo");
                server.sendMessage(reply(echo.id(), "echo:x"));
                assertThat(call.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("echo:x");
            }
        }
    }

    /**
     * Accepts the client's connection and does the handshake; the client drops a connection whose handshake takes over
     * 500 ms (a loaded machine) and connects again, so a reset connection is replaced by the next one.
     */
    private static ZmtpPeer handshake(ServerSocket listener) {
        UncheckedIOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            ZmtpPeer server = ZmtpPeer.accept(listener, WAIT);
            try {
                return server.greet().ready(null);
            }
            catch (UncheckedIOException ex) {
                server.close();
                last = ex;
            }
        }
        throw last;
    }

    private static byte[] reply(byte[] id, String value) {
        byte[] body = Codecs.CODEC.encode(value);
        byte[] frame = new byte[id.length + body.length];
        System.arraycopy(id, 0, frame, 0, id.length);
        System.arraycopy(body, 0, frame, id.length, body.length);
        return frame;
    }
}
