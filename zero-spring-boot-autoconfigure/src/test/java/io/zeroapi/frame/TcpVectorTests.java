package io.zeroapi.frame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroapi.codec.VectorFixtures;
import io.zeroapi.codec.VectorFixtures.User;
import io.zeroapi.codec.ZeroCodec;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.zeroapi.codec.VectorFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The derived TCP-v2 frames of zeroapi 1.0: requests are {@code {"fn", "data"}} maps, responses the bare value
 * with the error flag set for {@code __zerror__} maps.
 */
class TcpVectorTests {

    private static final String FILE = "tcp-v1.0.json";

    private static final Map<String, Object[]> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("echo('Hi')", new Object[] { "Hi", "Hi" });
        CALLS.put("hello_world(None)", new Object[] { null, "hello world" });
        CALLS.put("add([1, 2, 3])", new Object[] { List.of(1, 2, 3), 6 });
        CALLS.put("save_user(User(id=1, name='John Doe', email='john@example.com'))",
                new Object[] { new User(1, "John Doe", "john@example.com"),
                        user(101, "JOHN DOE", "john@example.com") });
        Instant instant = Instant.parse("2024-01-02T03:04:05Z");
        CALLS.put("echo_datetime(datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc))",
                new Object[] { instant, instant });
        CALLS.put("fail('boom')", new Object[] { "boom", Map.of(ZeroErrors.SERVER_EXCEPTION, "ValueError('boom')") });
        CALLS.put("nope(1)", new Object[] { 1, Map.of(ZeroErrors.FUNCTION_NOT_FOUND, ZeroErrors.functionNotFound("nope")) });
        CALLS.put("connect(None)", new Object[] { null, "connected" });
    }

    private static Map<String, Object> user(int id, String name, String email) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("name", name);
        map.put("email", email);
        return map;
    }

    private final ZeroCodec codec = new ZeroCodec();

    static Stream<Named<JsonNode>> cases() {
        return VectorFixtures.cases(FILE, null).stream()
            .map(node -> Named.of(node.get("function").asText() + "(" + node.get("argument").asText() + ")", node));
    }

    private static Object[] expectation(JsonNode node) {
        Object[] expectation = CALLS.get(node.get("function").asText() + "(" + node.get("argument").asText() + ")");
        assertThat(expectation).isNotNull();
        return expectation;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldEncodeGoldenRequestFrame(JsonNode node) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("fn", node.get("function").asText());
        request.put("data", expectation(node)[0]);
        byte[] frame = new TcpFrame(node.get("request_id").asInt(), false, codec.encode(request)).encode();
        assertThat(hex(frame)).isEqualTo(node.get("request_frame_hex").asText());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldParseGoldenRequestFrame(JsonNode node) {
        TcpFrame frame = TcpFrame.parse(hex(node.get("request_frame_hex").asText()));
        assertThat(frame.requestId()).isEqualTo(node.get("request_id").asInt());
        assertThat(frame.error()).isFalse();
        Map<Object, Object> request = codec.decode(frame.payload(), Map.class);
        assertThat(request.keySet()).containsExactly((Object) "fn", "data");
        assertThat(request.get("fn")).isEqualTo(node.get("function").asText());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldParseAndReencodeGoldenResponseFrame(JsonNode node) throws IOException {
        byte[] bytes = hex(node.get("response_frame_hex").asText());
        TcpFrame frame = TcpFrame.parse(bytes);
        assertThat(frame.requestId()).isEqualTo(node.get("request_id").asInt());
        assertThat(frame.error()).isEqualTo(node.get("error_flag").asInt() == 1);
        assertThat(codec.decode(frame.payload())).isEqualTo(expectation(node)[1]);
        assertThat(frame.encode()).isEqualTo(bytes);
        TcpFrame read = TcpFrame.read(new ByteArrayInputStream(bytes), 1 << 20);
        assertThat(read.requestId()).isEqualTo(frame.requestId());
        assertThat(read.error()).isEqualTo(frame.error());
        assertThat(read.payload()).isEqualTo(frame.payload());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void shouldFlagExactlyTheErrorMapResponses(JsonNode node) {
        Object value = expectation(node)[1];
        boolean zeroError = value instanceof Map<?, ?> map
                && map.keySet().stream().anyMatch(key -> key.toString().startsWith(ZeroErrors.PREFIX));
        assertThat(zeroError).isEqualTo(node.get("error_flag").asInt() == 1);
    }
}
