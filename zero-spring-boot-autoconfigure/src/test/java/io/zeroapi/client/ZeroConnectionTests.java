package io.zeroapi.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroException;
import io.zeroapi.ZeroTimeoutException;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.testing.RawRouter;
import io.zeroapi.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The transport against raw ROUTERs: many calls in flight, timeouts, a server that is down or restarts, and
 * many clients connecting at once.
 */
class ZeroConnectionTests {

    private static final Duration LONG = Duration.ofSeconds(20);

    private final ZeroCodec codec = new ZeroCodec();

    private final List<AutoCloseable> resources = new ArrayList<>();

    private ZContext context;

    @BeforeEach
    void createContext() {
        context = new ZContext(1);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        context.close();
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private ZeroConnection connect(String address) {
        return track(new ZeroConnection(() -> address));
    }

    private DefaultAsyncZeroClient async(ZeroConnection connection, Duration timeout) {
        return new DefaultAsyncZeroClient(connection, codec, timeout);
    }

    @Test
    void shouldMatchThousandConcurrentCallsAnsweredOutOfOrder() throws Exception {
        RawRouter router = track(new RawRouter(context, "tcp://127.0.0.1:*", RawRouter::echoExceptSlow, true));
        ZeroConnection connection = connect(router.address());
        AsyncZeroClient client = async(connection, LONG);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> replies = new ArrayList<>();
            List<CompletableFuture<CompletableFuture<Integer>>> submissions = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                submissions.add(CompletableFuture.supplyAsync(() -> client.call("echo", n, Integer.class), callers));
            }
            for (CompletableFuture<CompletableFuture<Integer>> submission : submissions) {
                replies.add(submission.get(30, TimeUnit.SECONDS));
            }
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 1000; i++) {
                assertThat(replies.get(i).join()).isEqualTo(i);
            }
        }
        finally {
            callers.shutdown();
        }
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldFailARequestOverMaxRequestSizeAtOnceWithoutSendingIt() throws Exception {
        RawRouter router = track(RawRouter.start(context, RawRouter::echoExceptSlow));
        ZeroConnection connection = track(new ZeroConnection(router::address,
                ZeroConnectionSettings.defaults().withMaxRequestSize(1024)));
        ZeroClient client = new DefaultZeroClient(async(connection, LONG));
        assertThat(client.call("echo", "small")).isEqualTo("small");
        long start = System.nanoTime();
        assertThatExceptionOfType(ZeroException.class)
            .isThrownBy(() -> client.call("echo", "x".repeat(2000)))
            .withMessage("echo at " + router.address() + ": request of " + (96 + 2003) + " bytes is over "
                    + "max-request-size (1KB); the server would drop it (raise the client's max-request-size "
                    + "together with the server's inbound limit)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(connection.pendingCount()).isZero();
        assertThat(client.call("echo", "after")).isEqualTo("after");
        assertThat(router.received()).allSatisfy(request -> assertThat(request.frame().length).isLessThan(1024));
    }

    @Test
    void shouldForgetTimedOutCallAndDropItsLateReply() throws Exception {
        RawRouter router = track(RawRouter.start(context, RawRouter::echoExceptSlow));
        ZeroConnection connection = connect(router.address());
        ZeroClient client = new DefaultZeroClient(async(connection, LONG));
        assertThat(client.call("echo", "warm-up")).isEqualTo("warm-up");
        router.received().clear();

        assertThatExceptionOfType(ZeroTimeoutException.class)
            .isThrownBy(() -> client.call("slow", "late", Duration.ofMillis(300)))
            .withMessage("slow at " + router.address() + ": no reply within 300ms")
            .satisfies(ex -> {
                assertThat(ex.getRpc()).isEqualTo("slow");
                assertThat(ex.getAddress()).isEqualTo(router.address());
            });
        assertThat(connection.pendingCount()).isZero();

        RawRouter.Request slow = router.received().poll(10, TimeUnit.SECONDS);
        router.send(slow.identity(), ResponseFrame.encode(Arrays.copyOf(slow.frame(), 16), codec.encode("late")));
        assertThat(client.call("echo", "next")).isEqualTo("next");
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldFailWithConnectionExceptionWhileServerIsDownAndRecoverWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String address = "tcp://127.0.0.1:" + port;
        ZeroConnection connection = connect("127.0.0.1:" + port);
        ZeroClient client = new DefaultZeroClient(async(connection, LONG));

        long start = System.nanoTime();
        assertThatExceptionOfType(ZeroConnectionException.class)
            .isThrownBy(() -> client.call("never_sent", "x", Duration.ofMillis(500)))
            .withMessage("never_sent at " + address + ": no connection within 500ms")
            .satisfies(ex -> {
                assertThat(ex.getRpc()).isEqualTo("never_sent");
                assertThat(ex.getAddress()).isEqualTo(address);
            });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(connection.pendingCount()).isZero();

        RawRouter router = track(bindWhenFree(address));
        assertThat(client.call("echo", "back")).isEqualTo("back");
        assertThat(router.received()).extracting(r -> RequestFrame.parse(r.frame()).function()).containsOnly("echo");

        router.close();
        resources.remove(router);
        assertThatExceptionOfType(ZeroException.class).isThrownBy(() -> client.call("echo", "down", Duration.ofMillis(500)));
        RawRouter restarted = track(bindWhenFree(address));
        assertThat(client.call("echo", "again")).isEqualTo("again");
        assertThat(restarted.received()).extracting(r -> RequestFrame.parse(r.frame()).function()).containsOnly("echo");
    }

    @Test
    void shouldReplaceAConnectionWhoseHandshakeGoesUnansweredBeforeSendingCalls() throws Exception {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setReceiveTimeOut(20_000);
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        List<String> seen = new ArrayList<>();
        List<String> identities = new ArrayList<>();
        Thread server = new Thread(() -> {
            boolean ignoredFirstHandshake = false;
            while (true) {
                byte[] identity = router.recv();
                if (identity == null) {
                    return;
                }
                RequestFrame request = RequestFrame.parse(router.recv());
                seen.add(request.function());
                identities.add(Arrays.toString(identity));
                if (request.function().equals("connect") && !ignoredFirstHandshake) {
                    ignoredFirstHandshake = true;
                    continue;
                }
                byte[] body = request.function().equals("connect") ? codec.encode("connected") : Requests.payload(request);
                router.sendMore(identity);
                router.send(ResponseFrame.encode(request.id(), body));
                if (!request.function().equals("connect")) {
                    return;
                }
            }
        });
        server.start();
        ZeroConnection connection = connect("tcp://127.0.0.1:" + port);
        ZeroClient client = new DefaultZeroClient(async(connection, LONG));

        assertThat(client.call("echo", "first try")).isEqualTo("first try");
        server.join(20_000);
        assertThat(seen).containsExactly("connect", "connect", "echo");
        assertThat(identities.get(1)).isNotEqualTo(identities.get(0)).isEqualTo(identities.get(2));
        context.destroySocket(router);
    }

    private RawRouter bindWhenFree(String address) {
        RawRouter[] bound = new RawRouter[1];
        await().atMost(Duration.ofSeconds(20)).ignoreException(ZMQException.class).until(() -> {
            bound[0] = new RawRouter(context, address, RawRouter::echoExceptSlow, false);
            return true;
        });
        return bound[0];
    }

    @Test
    void shouldConnectManyClientsStartingTogether() throws Exception {
        RawRouter router = track(RawRouter.start(context, RawRouter::echoExceptSlow));
        int clients = 30;
        CountDownLatch ready = new CountDownLatch(1);
        ExecutorService starters = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<Object>> firstReplies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                firstReplies.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(ready);
                    ZeroConnection connection = new ZeroConnection(router::address);
                    synchronized (resources) {
                        resources.add(connection);
                    }
                    return async(connection, LONG).call("echo", n).join();
                }, starters));
            }
            ready.countDown();
            for (int i = 0; i < clients; i++) {
                assertThat(firstReplies.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
        finally {
            starters.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldRefuseCallsBeyondMaxInFlight() {
        RawRouter router = track(RawRouter.start(context, RawRouter::echoExceptSlow));
        ZeroConnection connection = track(
                new ZeroConnection(router::address, ZeroConnectionSettings.defaults().withMaxInFlight(2)));
        AsyncZeroClient client = async(connection, LONG);
        CompletableFuture<Object> first = client.call("slow", 1);
        CompletableFuture<Object> second = client.call("slow", 2);
        assertThat(client.call("slow", 3)).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isExactlyInstanceOf(ZeroException.class)
            .withMessage("slow at " + router.address() + ": too many calls in flight (at most 2)");
        first.cancel(false);
        assertThat(connection.pendingCount()).isEqualTo(1);
        assertThat(client.call("echo", 4)).succeedsWithin(Duration.ofSeconds(20)).isEqualTo(4);
        second.cancel(false);
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldFailPendingCallsWhenClosed() {
        RawRouter router = track(RawRouter.start(context, RawRouter::echoExceptSlow));
        ZeroConnection connection = new ZeroConnection(router::address);
        AsyncZeroClient client = async(connection, LONG);
        CompletableFuture<Object> pending = client.call("slow", 1);
        connection.close();
        assertThat(pending).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class)
            .withMessage("slow at " + router.address() + ": client closed");
        assertThat(client.call("echo", 1)).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isInstanceOf(ZeroConnectionException.class);
        assertThat(connection.pendingCount()).isZero();
    }

    @Test
    void shouldRejectMalformedAddressOnFirstCall() {
        ZeroConnection connection = connect("localhost");
        assertThat(async(connection, LONG).call("echo", 1)).failsWithin(Duration.ofSeconds(5))
            .withThrowableThat()
            .havingCause()
            .isExactlyInstanceOf(ZeroException.class)
            .withMessageContaining("expected tcp://host:port or host:port");
    }
}
