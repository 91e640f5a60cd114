package io.zeroapi.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroapi.frame.TcpFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.RawTcp;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every case of the TCP golden vectors ({@code tcp-v1.0.json}) to a real server's TCP port over a plain socket
 * and compares the reply frames byte for byte, then the odd input of the protocol's section 2.4: what is answered
 * with an error and what closes the connection; after each, a normal call on another connection still works.
 */
class TcpServerVectorsTests {

    private static final HexFormat HEX = HexFormat.of();

    private static final int MAX_MESSAGE_SIZE = 64 * 1024;

    private static ExecutorService workers;

    private static ZeroServer server;

    private static RawTcp peer;

    @BeforeAll
    static void startServer() {
        workers = Executors.newFixedThreadPool(2);
        server = ZeroServer.builder()
            .endpoints(TestServers.endpoints(new TcpVectorFunctions()))
            .workers(workers)
            .settings(new ZeroServerSettings("127.0.0.1", 0, MAX_MESSAGE_SIZE, 10_000))
            .zeromq(false)
            .tcp(0)
            .build();
        server.start();
        peer = new RawTcp(server.tcpPort());
    }

    @AfterAll
    static void stopServer() {
        peer.close();
        server.close();
        workers.shutdownNow();
    }

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = TcpServerVectorsTests.class.getResourceAsStream("/vectors/tcp-v1.0.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode node : root.get("cases")) {
                cases.add(Arguments.of(node.get("function").asText() + "(" + node.get("argument").asText() + ")",
                        node));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAnswerGoldenRequestWithGoldenReplyBytes(String label, JsonNode vector) {
        peer.send(HEX.parseHex(vector.get("request_frame_hex").asText()));
        assertThat(HEX.formatHex(peer.receive())).as(label).isEqualTo(vector.get("response_frame_hex").asText());
    }

    @Test
    void shouldServeOnlyTcpWhenZeroMqIsOff() {
        assertThat(server.port()).isEqualTo(-1);
        assertThat(server.tcpPort()).isPositive();
        assertThat(server.boundAddress()).isEqualTo("tcp://127.0.0.1:" + server.tcpPort() + " (TCP protocol)");
    }

    @Test
    void shouldAnswerPayloadThatIsNotAMapWithZerosText() {
        byte[] reply = callRaw(new TcpFrame(77, false, Codecs.CODEC.encode(List.of("echo", "x"))).encode());
        assertThat(TcpFrame.requestId(reply)).isEqualTo(77);
        assertThat(reply[8]).as("error flag").isEqualTo((byte) 1);
        assertThat(RawTcp.payload(reply)).isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "Request must be a dict"));
        assertNormalCallStillWorks(peer);
    }

    @Test
    void shouldAnswerMapWithoutFunctionNameWithZerosText() {
        for (Object request : List.of(Map.of("data", 1), Map.of("fn", "", "data", 1), Map.of("fn", 5))) {
            byte[] reply = callRaw(new TcpFrame(78, false, Codecs.CODEC.encode(request)).encode());
            assertThat(RawTcp.payload(reply)).as(request.toString())
                .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "Missing function name"));
        }
        assertNormalCallStillWorks(peer);
    }

    @Test
    void shouldIgnoreOtherKeysAndTakeMissingDataAsNoArgument() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("extra", List.of(1, 2));
        request.put("fn", "hello_world");
        byte[] reply = callRaw(new TcpFrame(79, false, Codecs.CODEC.encode(request)).encode());
        assertThat(RawTcp.payload(reply)).isEqualTo("hello world");
        request.put("data", "Hi");
        request.put("fn", "echo");
        assertThat(RawTcp.payload(callRaw(new TcpFrame(80, false, Codecs.CODEC.encode(request)).encode())))
            .isEqualTo("Hi");
    }

    @Test
    void shouldAnswerArgumentOfTheWrongTypeWithValidationError() {
        assertThat(peer.call(81, "echo", 123))
            .isEqualTo(Map.of(ZeroErrors.VALIDATION_ERROR, "Expected `str`, got `int`"));
    }

    @Test
    void shouldFlagMapWithZeroErrorKeyReturnedByHandler() {
        byte[] reply = callRaw(TcpFrame.request(82, "echo", Codecs.CODEC.encode("__zerror__server_exception")));
        assertThat(reply[8]).as("a string is no error map").isEqualTo((byte) 0);
        assertThat(TcpFrame.isErrorMap(Codecs.CODEC.encode(Map.of("__zerror__custom", "x")))).isTrue();
        assertThat(TcpFrame.isErrorMap(Codecs.CODEC.encode(Map.of("value", "__zerror__")))).isFalse();
    }

    @Test
    void shouldCloseConnectionOnPayloadThatIsNotMsgpack() {
        for (byte[] payload : List.of(new byte[] { (byte) 0xc1 }, HEX.parseHex("82a2666ea4"),
                HEX.parseHex("81a2666ea46563686f00"), HEX.parseHex("db7fffffff"))) {
            try (RawTcp hostile = new RawTcp(server.tcpPort())) {
                hostile.send(new TcpFrame(1, false, payload).encode());
                hostile.awaitClosed();
            }
        }
        assertNormalCallStillWorks(peer);
    }

    @Test
    void shouldCloseConnectionOnLengthBelowFive() {
        try (RawTcp hostile = new RawTcp(server.tcpPort())) {
            hostile.send(HEX.parseHex("00000004000000"));
            hostile.awaitClosed();
        }
        assertNormalCallStillWorks(peer);
    }

    @Test
    void shouldCloseConnectionOnLengthOverTheInboundLimitBeforeItsBytesArrive() {
        try (RawTcp hostile = new RawTcp(server.tcpPort())) {
            hostile.send(HEX.parseHex("7fffffff00000001"));
            hostile.awaitClosed();
        }
        try (RawTcp hostile = new RawTcp(server.tcpPort())) {
            hostile.send(TcpFrame.request(1, "echo", Codecs.CODEC.encode("x".repeat(MAX_MESSAGE_SIZE))));
            hostile.awaitClosed();
        }
        assertNormalCallStillWorks(peer);
    }

    @Test
    void shouldAnswerPipelinedCallsOnOneConnectionEachWithItsOwnId() {
        try (RawTcp pipelined = new RawTcp(server.tcpPort())) {
            for (int id = 1; id <= 200; id++) {
                pipelined.send(id, "echo", "m" + id);
            }
            Map<Integer, Object> replies = new LinkedHashMap<>();
            for (int i = 0; i < 200; i++) {
                byte[] reply = pipelined.receive();
                replies.put(TcpFrame.requestId(reply), RawTcp.payload(reply));
            }
            assertThat(replies).hasSize(200);
            replies.forEach((id, value) -> assertThat(value).isEqualTo("m" + id));
        }
    }

    @Test
    void shouldCutAVeryLongUnknownNameInItsReply() {
        String name = "n".repeat(10_000);
        Object reply = peer.call(83, name, null);
        assertThat(reply).isEqualTo(Map.of(ZeroErrors.FUNCTION_NOT_FOUND,
                ZeroErrors.functionNotFound("n".repeat(512) + "... (9488 more characters)")));
    }

    @Test
    void shouldNotRunTheRequestsThatFollowAMalformedOneOnItsConnection() {
        try (RawTcp hostile = new RawTcp(server.tcpPort())) {
            byte[] bad = new TcpFrame(1, false, new byte[] { (byte) 0xc1 }).encode();
            byte[] good = TcpFrame.request(2, "echo", Codecs.CODEC.encode("after"));
            byte[] both = java.util.Arrays.copyOf(bad, bad.length + good.length);
            System.arraycopy(good, 0, both, bad.length, good.length);
            hostile.send(both);
            hostile.awaitClosed();
        }
        assertNormalCallStillWorks(peer);
    }

    @Test
    void shouldCopyIdsAboveTwoToTheThirtyOne() {
        assertThat(peer.call(0xFFFFFFFF, "echo", "top")).isEqualTo("top");
        assertThat(peer.call(0, "echo", "zero")).isEqualTo("zero");
    }

    private static byte[] callRaw(byte[] frame) {
        peer.send(frame);
        return peer.receive();
    }

    static void assertNormalCallStillWorks(RawTcp peer) {
        peer.send(TcpFrame.request(42, "echo", Codecs.CODEC.encode("Hi")));
        assertThat(HEX.formatHex(peer.receive())).isEqualTo("000000080000002a00a24869");
    }
}
