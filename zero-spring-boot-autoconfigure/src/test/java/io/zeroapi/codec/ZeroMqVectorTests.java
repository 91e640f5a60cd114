package io.zeroapi.codec;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroapi.codec.VectorFixtures.Color;
import io.zeroapi.codec.VectorFixtures.Order;
import io.zeroapi.codec.VectorFixtures.User;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.frame.ZeroFrameException;
import io.zeroapi.testing.Requests;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.ParameterizedTypeReference;

import static io.zeroapi.codec.VectorFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden ZeroMQ vectors recorded from a real Python Zero v0.9.0 server: every argument encodes to the recorded
 * payload, every request frame matches byte for byte, and every reply decodes to the expected Java value.
 */
class ZeroMqVectorTests {

    private static final String FILE = "zeromq-v0.9.json";

    private static final byte[] ID = hex(VectorFixtures.load(FILE).get("request_id_hex").asText());

    private static final Instant JAN_2 = Instant.parse("2024-01-02T03:04:05Z");

    private static final Object NO_JAVA_VALUE = new Object();

    private static final Map<String, Expectation> CALLS = new LinkedHashMap<>();

    static {
        expect("client.call('echo', 'Hi')", "Hi", "Hi", String.class);
        expect("client.call('hello_world', None)", null, "hello world", String.class);
        expect("client.call('async_hello', None)", null, "hello from async", String.class);
        expect("client.call('add', [1, 2, 3])", List.of(1, 2, 3), 6, int.class);
        expect("client.call('divide', (10, 4))", List.of(10, 4), 2.5, double.class);
        User saved = new User(101, "JOHN DOE", "john@example.com");
        expect("client.call('save_user', User(id=1, name='John Doe', email='john@example.com'))",
                new User(1, "John Doe", "john@example.com"), map("id", 101, "name", "JOHN DOE", "email", "john@example.com"),
                User.class, saved);
        Order order = new Order(7, 2.0, "ann", JAN_2);
        expect("client.call('save_order', Order(id=7, amount=2.0, customer='ann', created_at=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)))",
                order, map("id", 7, "amount", 2.0, "customer", "ann", "created_at", JAN_2), Order.class, order);
        expect("client.call('echo_datetime', datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc))",
                JAN_2, JAN_2, Instant.class);
        Instant micros = JAN_2.plusNanos(678_000);
        expect("client.call('echo_datetime', datetime.datetime(2024, 1, 2, 3, 4, 5, 678, tzinfo=datetime.timezone.utc))",
                micros, micros, Instant.class);
        LocalDateTime naive = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
        expect("client.call('echo_datetime', datetime.datetime(2024, 1, 2, 3, 4, 5))", naive, "2024-01-02T03:04:05",
                LocalDateTime.class, naive);
        LocalDate date = LocalDate.of(2024, 1, 2);
        expect("client.call('echo_date', datetime.date(2024, 1, 2))", date, "2024-01-02", LocalDate.class, date);
        UUID uuid = UUID.fromString("c4524ac0-e81e-4aa8-a595-0aec605a659a");
        expect("client.call('echo_uuid', UUID('c4524ac0-e81e-4aa8-a595-0aec605a659a'))", uuid, uuid.toString(), UUID.class, uuid);
        BigDecimal decimal = new BigDecimal("1.2345");
        expect("client.call('echo_decimal', Decimal('1.2345'))", decimal, "1.2345", BigDecimal.class, decimal);
        expect("client.call('echo_color', <Color.RED: 1>)", Color.RED, 1, Color.class, Color.RED);
        expect("client.call('echo_bytes', b'\\x00\\x01')", new byte[] { 0, 1 }, new byte[] { 0, 1 }, byte[].class,
                new byte[] { 0, 1 });
        expect("client.call('echo_set', {1, 2, 3})", new LinkedHashSet<>(List.of(1, 2, 3)), List.of(1, 2, 3),
                new ParameterizedTypeReference<Set<Integer>>() { }.getType(), Set.of(1, 2, 3));
        expect("client.call('echo_dict', {'a': 1, 'b': -2})", map("a", 1, "b", -2), map("a", 1, "b", -2),
                new ParameterizedTypeReference<Map<String, Integer>>() { }.getType(), Map.of("a", 1, "b", -2));
        String forty = "x".repeat(40);
        expect("client.call('echo', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')", forty, forty, String.class);
        expect("client.call('add', [300, 70000, 5000000000])", List.of(300, 70000, 5_000_000_000L), 5_000_070_300L,
                long.class);
        expect("client.call('echo_optional', None)", null, "", String.class);
        expect("(raw) payload c0", null, -1, int.class);
        error("client.call('fail', 'boom')", "boom", ZeroErrors.SERVER_EXCEPTION, "ValueError('boom')");
        error("client.call('async_fail', 'boom')", "boom", ZeroErrors.SERVER_EXCEPTION, "RuntimeError('boom')");
        error("client.call('nope', 1)", 1, ZeroErrors.FUNCTION_NOT_FOUND, ZeroErrors.functionNotFound("nope"));
        error("client.call('echo', 123)", 123, ZeroErrors.VALIDATION_ERROR, "Expected `str`, got `int`");
        error("client.call('save_user', {'id': 1, 'name': 'x'})", map("id", 1, "name", "x"), ZeroErrors.VALIDATION_ERROR,
                "Object missing required field `email`");
        error("(raw) payload c1", NO_JAVA_VALUE, ZeroErrors.SERVER_EXCEPTION, ZeroErrors.GENERIC_SERVER_ERROR);
        error("client.call('__server_info__', None)", null, ZeroErrors.FUNCTION_NOT_FOUND,
                ZeroErrors.functionNotFound("__server_info__"));
        expect("client.call('get_rpc_contract', ['localhost', 15011])", List.of("localhost", 15011), null, String.class);
    }

    private record Expectation(Object argument, Object genericReply, Type replyType, Object typedReply) {
    }

    private static void expect(String call, Object argument, Object reply, Type replyType) {
        expect(call, argument, reply, replyType, reply);
    }

    private static void expect(String call, Object argument, Object genericReply, Type replyType, Object typedReply) {
        CALLS.put(call, new Expectation(argument, genericReply, replyType, typedReply));
    }

    private static void error(String call, Object argument, String key, String message) {
        CALLS.put(call, new Expectation(argument, Map.of(key, message), null, null));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private final ZeroCodec codec = new ZeroCodec();

    static Stream<Named<JsonNode>> calls() {
        return VectorFixtures.cases(FILE, "call").stream()
            .map(node -> Named.of(node.get("python_call").asText(), node));
    }

    static Stream<Named<JsonNode>> encodableCalls() {
        return calls().filter(named -> expectation(named.getPayload()).argument() != NO_JAVA_VALUE);
    }

    static Stream<Named<JsonNode>> typedReplies() {
        return calls().filter(named -> expectation(named.getPayload()).replyType() != null);
    }

    static Stream<Named<JsonNode>> errorReplies() {
        return calls().filter(named -> expectation(named.getPayload()).replyType() == null);
    }

    private static Expectation expectation(JsonNode node) {
        Expectation expectation = CALLS.get(node.get("python_call").asText());
        assertThat(expectation).as("mapping for %s", node.get("python_call")).isNotNull();
        return expectation;
    }

    private static Object expectedGenericReply(JsonNode node) {
        Object expected = expectation(node).genericReply();
        if (expected == null && node.get("function").asText().equals("get_rpc_contract")) {
            byte[] body = hex(node.get("reply_body_hex").asText());
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        return expected;
    }

    @Test
    void shouldMapEveryRecordedCall() {
        assertThat(calls().map(Named::getName)).containsExactlyInAnyOrderElementsOf(CALLS.keySet());
    }

    @ParameterizedTest
    @MethodSource("encodableCalls")
    void shouldEncodeArgumentToGoldenPayload(JsonNode node) {
        Object argument = expectation(node).argument();
        String payload = node.get("payload_hex").asText();
        if (payload.isEmpty()) {
            assertThat(argument).isNull();
        }
        else {
            assertThat(hex(codec.encode(argument))).isEqualTo(payload);
        }
    }

    @ParameterizedTest
    @MethodSource("calls")
    void shouldBuildGoldenRequestFrame(JsonNode node) {
        byte[] payload = hex(node.get("payload_hex").asText());
        byte[] frame = RequestFrame.encode(ID, node.get("function").asText(), payload.length == 0 ? null : payload);
        assertThat(hex(frame)).isEqualTo(hex(ID) + node.get("request_after_id_hex").asText());
    }

    @ParameterizedTest
    @MethodSource("calls")
    void shouldParseGoldenRequestFrameAsPythonServerDoes(JsonNode node) {
        RequestFrame frame = RequestFrame.parse(hex(hex(ID) + node.get("request_after_id_hex").asText()));
        assertThat(frame.id()).isEqualTo(ID);
        assertThat(frame.function()).isEqualTo(node.get("function").asText());
        assertThat(hex(Requests.payload(frame))).isEqualTo(node.get("payload_hex").asText());
    }

    @ParameterizedTest
    @MethodSource("calls")
    void shouldDecodeReplyGenerically(JsonNode node) {
        ResponseFrame response = ResponseFrame.parse(hex(node.get("reply_id_hex").asText() + node.get("reply_body_hex").asText()));
        assertThat(response.id()).isEqualTo(ID);
        assertThat(codec.decode(response.body())).isEqualTo(expectedGenericReply(node));
    }

    @ParameterizedTest
    @MethodSource("typedReplies")
    void shouldDecodeReplyToTypedValue(JsonNode node) {
        Expectation expectation = expectation(node);
        Object expected = expectation.typedReply() != null ? expectation.typedReply() : expectedGenericReply(node);
        assertThat((Object) codec.decode(hex(node.get("reply_body_hex").asText()), expectation.replyType())).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("errorReplies")
    void shouldDecodeErrorReplyToOneEntryMapWithZeroKey(JsonNode node) {
        Object reply = codec.decode(hex(node.get("reply_body_hex").asText()));
        assertThat(reply).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) reply;
        assertThat(map).hasSize(1);
        assertThat(map.keySet().iterator().next().toString()).startsWith(ZeroErrors.PREFIX);
        assertThat(hex(codec.encode(reply))).isEqualTo(node.get("reply_body_hex").asText());
    }

    @Test
    void shouldProduceTheValidationMessagesZeroSent() {
        assertThatThrownBy(() -> codec.decode(hex("7b"), String.class)).isInstanceOf(ZeroCodecException.class)
            .hasMessage("Expected `str`, got `int`");
        assertThatThrownBy(() -> codec.decode(hex("82a2696401a46e616d65a178"), User.class))
            .isInstanceOf(ZeroCodecException.class)
            .hasMessage("Object missing required field `email`");
        assertThatThrownBy(() -> codec.decode(hex("c1"), String.class))
            .isInstanceOfSatisfying(ZeroCodecException.class, ex -> assertThat(ex.isMalformed()).isTrue());
    }

    @Test
    void shouldBuildTheTwentyThreeByteConnectFrame() {
        JsonNode handshake = VectorFixtures.cases(FILE, "handshake").get(0);
        byte[] frame = RequestFrame.connect(ID);
        assertThat(frame).hasSize(23);
        assertThat(hex(frame)).isEqualTo(hex(ID) + handshake.get("request_after_id_hex").asText());
        assertThat(RequestFrame.parse(frame).function()).isEqualTo("connect");
        assertThat(RequestFrame.parse(frame).hasPayload()).isFalse();
        assertThat(codec.decode(ResponseFrame.parse(hex(handshake.get("reply_id_hex").asText()
                + handshake.get("reply_body_hex").asText())).body())).isEqualTo("connected");
    }

    @Test
    void shouldParseMalformedFramesLikeThePythonServer() {
        List<JsonNode> malformed = VectorFixtures.cases(FILE, "malformed");
        assertThat(malformed).hasSize(3);
        RequestFrame cut = RequestFrame.parse(hex(hex(ID) + malformed.get(0).get("request_after_id_hex").asText()));
        assertThat(cut.function()).isEqualTo("echo");
        assertThat(cut.hasPayload()).isFalse();
        assertThat(codec.decode(hex(malformed.get(0).get("reply_body_hex").asText()))).isEqualTo("");

        byte[] unpadded = hex(hex(ID) + malformed.get(1).get("request_after_id_hex").asText());
        assertThatThrownBy(() -> RequestFrame.parse(unpadded)).isInstanceOf(ZeroFrameException.class);
        assertThat(codec.decode(hex(malformed.get(1).get("reply_body_hex").asText())))
            .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, ZeroErrors.GENERIC_SERVER_ERROR));

        RequestFrame nulPadded = RequestFrame.parse(hex(hex(ID) + malformed.get(2).get("request_after_id_hex").asText()));
        char[] nuls = new char[76];
        String name = "echo" + new String(nuls);
        assertThat(nulPadded.function()).isEqualTo(name);
        assertThat(codec.decode(hex(malformed.get(2).get("reply_body_hex").asText())))
            .isEqualTo(Map.of(ZeroErrors.FUNCTION_NOT_FOUND, ZeroErrors.functionNotFound(name)));
        assertThat(Arrays.copyOf(nulPadded.id(), 16)).isEqualTo(ID);
    }
}
