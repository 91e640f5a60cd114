package io.zeroapi.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.testing.LiveThreads;
import io.zeroapi.testing.RawRouter;
import io.zeroapi.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection is never left deaf: a reply over its maximum size and the death of its I/O thread fail the calls they
 * affect at once, not after their timeout, and the next calls are answered without a restart.
 */
class ZeroConnectionFaultTests {

    private static final Duration LONG = Duration.ofSeconds(20);

    private static final Duration FAST = Duration.ofSeconds(5);

    private static final int MAX_REPLY_SIZE = 64 * 1024;

    private final ZeroCodec codec = new ZeroCodec();

    private ZContext context;

    private RawRouter router;

    private ZeroConnection connection;

    private AsyncZeroClient client;

    @BeforeEach
    void start() {
        context = new ZContext(1);
        router = RawRouter.start(context, this::answer);
        connection = new ZeroConnection(router::address,
                ZeroConnectionSettings.defaults().withMaxReplySize(MAX_REPLY_SIZE));
        client = new DefaultAsyncZeroClient(connection, codec, LONG);
    }

    @AfterEach
    void stop() throws InterruptedException {
        connection.close();
        router.close();
        context.close();
    }

    /** Echoes; {@code big} gets a 1 MB reply, {@code slow} none. */
    private byte[] answer(byte[] frame) {
        RequestFrame request = RequestFrame.parse(frame);
        return switch (request.function()) {
            case "big" -> ResponseFrame.encode(request.id(), codec.encode(new byte[1024 * 1024]));
            case "slow" -> null;
            default -> ResponseFrame.encode(request.id(), Requests.payload(request));
        };
    }

    @Test
    void shouldFailCallsSentOnAConnectionClosedByAnOversizedReplyAtOnceAndKeepAnswering() throws Exception {
        for (int round = 0; round < 3; round++) {
            assertThat(client.call("echo", "before " + round)).succeedsWithin(LONG).isEqualTo("before " + round);
            CompletableFuture<Object> waiting = client.call("slow", round);
            awaitReceived("slow");
            long start = System.nanoTime();
            CompletableFuture<Object> big = client.call("big", round);

            for (CompletableFuture<Object> lost : List.of(big, waiting)) {
                assertThat(lost).failsWithin(FAST)
                    .withThrowableThat()
                    .havingCause()
                    .isInstanceOf(ZeroConnectionException.class)
                    .withMessageContaining(" at " + router.address() + ": connection lost before the reply")
                    .withMessageContaining("larger than max-reply-size (64KB)");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            assertThat(client.call("echo", "after " + round)).succeedsWithin(LONG).isEqualTo("after " + round);
        }
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldFailPendingCallsAtOnceWhenTheIoThreadDiesAndAnswerTheNextCall() throws Exception {
        assertThat(client.call("echo", "warm-up")).succeedsWithin(LONG).isEqualTo("warm-up");
        CompletableFuture<Object> pending = client.call("slow", 1);
        awaitReceived("slow");
        long start = System.nanoTime();

        connection.transport().execute(() -> {
            throw new OutOfMemoryError("injected by the test");
        });

        assertThat(pending).failsWithin(FAST)
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessage("slow at " + router.address() + ": connection failed: java.lang.OutOfMemoryError: "
                    + "injected by the test; reconnecting on the next call");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        assertThat(client.call("echo", "again")).succeedsWithin(LONG).isEqualTo("again");
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldFailPendingAndRacingCallsAtOnceWhenJeroMqsIoThreadFailsAndAnswerTheNextCall() throws Exception {
        assertThat(client.call("echo", "warm-up")).succeedsWithin(LONG).isEqualTo("warm-up");
        CompletableFuture<Object> pending = client.call("slow", 1);
        awaitReceived("slow");
        ZmqClientTransport failed = (ZmqClientTransport) connection.transport();
        long start = System.nanoTime();

        failed.ioThreadFailed(new OutOfMemoryError("Direct buffer memory"));

        assertThat(pending).failsWithin(FAST)
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessage("slow at " + router.address() + ": connection failed: java.lang.OutOfMemoryError: "
                    + "Direct buffer memory; reconnecting on the next call");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        assertThat(failed.refusal("late")).hasMessageContaining("late at " + router.address() + ": connection failed");
        assertThat(client.call("echo", "again")).succeedsWithin(LONG).isEqualTo("again");
        assertThat(connection.transport()).isNotSameAs(failed);
        await().atMost(FAST).until(failed::isFinished);
    }

    @Test
    void shouldCloseInBoundedTimeAfterTheIoThreadDiedAndLeaveNoClientThread() throws Exception {
        Set<String> before = LiveThreads.clients();
        assertThat(client.call("echo", "warm-up")).succeedsWithin(LONG).isEqualTo("warm-up");
        CompletableFuture<Object> pending = client.call("slow", 1);
        connection.transport().execute(() -> {
            throw new StackOverflowError("injected by the test");
        });
        assertThat(pending).failsWithin(FAST);

        long start = System.nanoTime();
        connection.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        await().atMost(FAST).untilAsserted(() -> assertThat(LiveThreads.clients()).isSubsetOf(before));
        assertThat(client.call("echo", "closed")).failsWithin(FAST)
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessage("echo at " + router.address() + ": client closed");
    }

    private void awaitReceived(String function) throws InterruptedException {
        RawRouter.Request request = router.received().poll(LONG.toMillis(), TimeUnit.MILLISECONDS);
        while (request != null && !RequestFrame.parse(request.frame()).function().equals(function)) {
            request = router.received().poll(LONG.toMillis(), TimeUnit.MILLISECONDS);
        }
        assertThat(request).as("a " + function + " request reached the server").isNotNull();
    }
}
