package io.zeroapi.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroMethodNotFoundException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroValidationException;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.testing.RawRouter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeromq.ZContext;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Calls a raw ROUTER that answers with the replies recorded from a real Python Zero v0.9.0 server.
 */
class ZeroClientVectorTests {

    private static final HexFormat HEX = HexFormat.of();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final ZeroCodec codec = new ZeroCodec();

    private static ZContext context;

    private static RawRouter router;

    private static ZeroConnection connection;

    private static ZeroClient client;

    record User(int id, String name, String email) {
    }

    record Order(int id, double amount, String customer, Instant created_at) {
    }

    @BeforeAll
    static void start() {
        context = new ZContext(1);
        Map<String, byte[]> replies = new HashMap<>();
        for (GoldenVectors.Case c : GoldenVectors.calls()) {
            replies.put(HEX.formatHex(c.requestAfterId()), c.replyBody());
        }
        replies.put(HEX.formatHex(RequestFrame.encode(new byte[16], "get_rpc_contract", new byte[] { 0x01 }), 16, 97),
                codec.encode(Map.of(ZeroErrors.FAILED_TO_GENERATE_CLIENT_CODE, "'int' object is not subscriptable")));
        router = RawRouter.start(context, frame -> {
            byte[] body = replies.get(HEX.formatHex(frame, 16, frame.length));
            if (body == null) {
                body = codec.encode(Map.of(ZeroErrors.SERVER_EXCEPTION, "unexpected request " + HEX.formatHex(frame)));
            }
            return ResponseFrame.encode(Arrays.copyOf(frame, 16), body);
        });
        connection = new ZeroConnection(router::address);
        client = new DefaultZeroClient(new DefaultAsyncZeroClient(connection, codec, TIMEOUT));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        connection.close();
        router.close();
        context.close();
    }

    static Stream<GoldenVectors.Case> calls() {
        return GoldenVectors.calls().stream();
    }

    @ParameterizedTest
    @MethodSource("calls")
    void shouldAnswerEveryRecordedCallAsZeroDoes(GoldenVectors.Case recorded) {
        Object argument = (recorded.payload().length == 0) ? null : codec.decode(recorded.payload());
        Object expected = codec.decode(recorded.replyBody());
        if (expected instanceof Map<?, ?> map && map.keySet().stream().anyMatch(k -> k.toString().startsWith("__zerror__"))) {
            String text = (String) map.values().iterator().next();
            Class<? extends ZeroException> type = map.containsKey(ZeroErrors.FUNCTION_NOT_FOUND)
                    ? ZeroMethodNotFoundException.class
                    : map.containsKey(ZeroErrors.VALIDATION_ERROR) ? ZeroValidationException.class : ZeroRemoteException.class;
            assertThatExceptionOfType(type).isThrownBy(() -> client.call(recorded.function(), argument))
                .withMessage(recorded.function() + " at " + router.address() + ": " + text);
        }
        else {
            Object actual = client.call(recorded.function(), argument);
            if (expected instanceof byte[] bytes) {
                assertThat((byte[]) actual).isEqualTo(bytes);
            }
            else {
                assertThat(actual).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldDecodeRecordedRepliesToRequestedTypes() {
        assertThat(client.call("echo", "Hi", String.class)).isEqualTo("Hi");
        assertThat(client.call("hello_world", null, String.class)).isEqualTo("hello world");
        assertThat(client.call("add", List.of(1, 2, 3), int.class)).isEqualTo(6);
        assertThat(client.call("add", List.of(300, 70000, 5000000000L), Long.class)).isEqualTo(5000070300L);
        assertThat(client.call("divide", List.of(10, 4), Double.class)).isEqualTo(2.5);
        assertThat(client.call("save_user", new User(1, "John Doe", "john@example.com"), User.class))
            .isEqualTo(new User(101, "JOHN DOE", "john@example.com"));
        Instant created = Instant.parse("2024-01-02T03:04:05Z");
        assertThat(client.call("echo_datetime", created, Instant.class)).isEqualTo(created);
        assertThat(client.call("echo_date", LocalDate.of(2024, 1, 2), LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
        UUID uuid = UUID.fromString("c4524ac0-e81e-4aa8-a595-0aec605a659a");
        assertThat(client.call("echo_uuid", uuid, UUID.class)).isEqualTo(uuid);
        assertThat(client.call("echo_decimal", new BigDecimal("1.2345"), BigDecimal.class)).isEqualTo(new BigDecimal("1.2345"));
        assertThat(client.call("echo_bytes", new byte[] { 0, 1 }, byte[].class)).containsExactly(0, 1);
        assertThat(client.call("echo_set", new TreeSet<>(Set.of(1, 2, 3)), new ParameterizedTypeReference<Set<Integer>>() {
        })).containsExactlyInAnyOrder(1, 2, 3);
        Map<String, Integer> dict = new LinkedHashMap<>();
        dict.put("a", 1);
        dict.put("b", -2);
        assertThat(client.call("echo_dict", dict, new ParameterizedTypeReference<Map<String, Integer>>() {
        }, Duration.ofSeconds(10))).containsExactly(Map.entry("a", 1), Map.entry("b", -2));
        assertThat(client.call("save_order", new Order(7, 2.0, "ann", created), Order.class))
            .isEqualTo(new Order(7, 2.0, "ann", created));
    }

    @Test
    void shouldSendNoPayloadForNullArgument() throws InterruptedException {
        router.received().clear();
        assertThat(client.call("async_hello", null)).isEqualTo("hello from async");
        RawRouter.Request request = router.received().poll(10, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.frame()).hasSize(RequestFrame.HEADER_LENGTH);
        assertThat(Arrays.copyOfRange(request.frame(), 16, request.frame().length))
            .isEqualTo(GoldenVectors.find("async_hello", "").requestAfterId());
    }

    @Test
    void shouldReturnFailedCodeGenerationAsMap() {
        Object reply = client.call("get_rpc_contract", 1);
        assertThat(reply).isEqualTo(Map.of(ZeroErrors.FAILED_TO_GENERATE_CLIENT_CODE, "'int' object is not subscriptable"));
    }

    @Test
    void shouldRaiseClientSideExceptionWhenReplyDoesNotFitReturnType() {
        assertThatExceptionOfType(ZeroException.class).isThrownBy(() -> client.call("echo", "Hi", Integer.class))
            .withMessageStartingWith("echo at " + router.address() + ": reply does not fit java.lang.Integer")
            .satisfies(ex -> assertThat(ex.getClass()).isEqualTo(ZeroException.class));
    }

    @Test
    void shouldFailFunctionNamesOverEightyBytesWithoutSending() {
        assertThatExceptionOfType(ZeroException.class).isThrownBy(() -> client.call("x".repeat(81), null))
            .withMessageContaining("at most 80");
    }
}
