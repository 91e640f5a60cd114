package io.zeroapi.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zeroapi.ReactiveZeroClient;
import io.zeroapi.ZeroMethodNotFoundException;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.testing.RawRouter;
import io.zeroapi.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Mono flavour against a raw ROUTER: lazy, one call per subscription, cancellation forgets the call.
 */
class DefaultReactiveZeroClientTests {

    private static final ZeroCodec codec = new ZeroCodec();

    private ZContext context;

    private RawRouter router;

    private ZeroConnection connection;

    private ReactiveZeroClient client;

    @BeforeEach
    void start() {
        context = new ZContext(1);
        router = RawRouter.start(context, DefaultReactiveZeroClientTests::answer);
        connection = new ZeroConnection(router::address);
        client = new DefaultReactiveZeroClient(new DefaultAsyncZeroClient(connection, codec, Duration.ofSeconds(20)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        connection.close();
        router.close();
        context.close();
    }

    private static byte[] answer(byte[] frame) {
        RequestFrame request = RequestFrame.parse(frame);
        return switch (request.function()) {
            case "slow" -> null;
            case "echo" -> ResponseFrame.encode(request.id(), request.hasPayload() ? Requests.payload(request) : codec.encode(null));
            default -> ResponseFrame.encode(request.id(),
                    codec.encode(Map.of(ZeroErrors.FUNCTION_NOT_FOUND, ZeroErrors.functionNotFound(request.function()))));
        };
    }

    private List<String> receivedFunctions() {
        return router.received().stream().map(r -> RequestFrame.parse(r.frame()).function()).toList();
    }

    @Test
    void shouldSendNothingBeforeSubscription() {
        Mono<String> unsubscribed = client.call("unsubscribed", "x", String.class);
        assertThat(connection.pendingCount()).isZero();
        StepVerifier.create(client.call("echo", "hi", String.class)).expectNext("hi").verifyComplete();
        assertThat(receivedFunctions()).containsExactly("echo");
        assertThat(unsubscribed).isNotNull();
    }

    @Test
    void shouldCompleteEmptyOnANilReplyToATypedCall() {
        StepVerifier.create(client.call("echo", null, String.class)).verifyComplete();
    }

    @Test
    void shouldCallOncePerSubscription() {
        Mono<Object> call = client.call("echo", 7);
        StepVerifier.create(call).expectNext(7).verifyComplete();
        StepVerifier.create(call).expectNext(7).verifyComplete();
        assertThat(receivedFunctions()).containsExactly("echo", "echo");
    }

    @Test
    void shouldDecodeToGenericTypeWithTimeout() {
        StepVerifier.create(client.call("echo", List.of(1, 2), new ParameterizedTypeReference<List<Integer>>() {
        }, Duration.ofSeconds(20))).expectNext(List.of(1, 2)).verifyComplete();
    }

    @Test
    void shouldCompleteEmptyForNullReply() {
        StepVerifier.create(client.call("echo", null)).verifyComplete();
    }

    @Test
    void shouldSignalZeroErrors() {
        StepVerifier.create(client.call("missing", 1, String.class))
            .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(ZeroMethodNotFoundException.class)
                .hasMessage("missing at " + router.address() + ": Function `missing` not found!"))
            .verify(Duration.ofSeconds(20));
    }

    @Test
    void shouldForgetCallWhenCancelled() {
        StepVerifier.create(client.call("slow", 1))
            .expectSubscription()
            .then(() -> await().atMost(Duration.ofSeconds(10)).until(() -> connection.pendingCount() == 1))
            .thenCancel()
            .verify(Duration.ofSeconds(20));
        assertThat(connection.pendingCount()).isZero();
    }
}
