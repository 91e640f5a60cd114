package io.zeroapi.robustness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.Heap;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One connection cannot park unbounded memory in the server (this suite runs with a 256 MB heap): large requests
 * to calls that never complete are refused once the connection's budget is in flight, and a peer that reuses a
 * connected peer's identity (which JeroMQ's ROUTER never reads) is held back by the high-water mark.
 */
class PeerMemoryTests {

    private static final int LARGE = 3 * 1024 * 1024;

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private final RobustFunctions functions = new RobustFunctions();

    private ZeroServer server;

    @AfterEach
    void stop() {
        functions.completeAll();
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldRefuseLargeRequestsOnceTheConnectionsBudgetIsInFlight() {
        server = TestServers.start(functions, workers,
                TestServers.settings(10_000, 1000, Duration.ofMinutes(5)).withHighWaterMark(16));
        long heapBefore = Heap.usedAfterGc();
        int calls = 120;
        byte[] large = RequestFrame.encode(RawDealer.id(0), "held", Codecs.CODEC.encode("x".repeat(LARGE)));
        try (RawDealer flooder = new RawDealer(server.port()); RawDealer other = new RawDealer(server.port())) {
            for (int i = 0; i < calls; i++) {
                flooder.send(large);
            }
            int busy = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (busy + functions.held.size() < calls) {
                assertThat(System.nanoTime() - deadline).as("every call held or refused within 60 s").isNegative();
                byte[] reply = flooder.receive(Duration.ofMillis(500));
                if (reply != null) {
                    Map<?, ?> error = (Map<?, ?>) RawDealer.body(reply);
                    assertThat((String) error.get(ZeroErrors.SERVER_EXCEPTION)).startsWith("server busy");
                    busy++;
                }
            }
            assertThat(busy).isGreaterThan(calls / 2);
            assertThat(functions.held.size()).isLessThanOrEqualTo(64 / 3 + 1);
            assertThat(other.call(1, "echo", "still serving")).isEqualTo("echo:still serving");
            long heapGrowth = Heap.usedAfterGc() - heapBefore;
            System.out.println("PeerMemoryTests: " + functions.held.size() + " large calls held, " + busy
                    + " refused, heap growth " + heapGrowth / (1024 * 1024) + " MiB");
            assertThat(heapGrowth).as("heap growth in bytes").isLessThan(160L * 1024 * 1024);
        }
    }

    @Test
    void shouldHoldBackAPeerThatReusesAConnectedPeersIdentity() throws Exception {
        server = TestServers.start(functions, workers, 4 * 1024 * 1024, 10_000);
        long heapBefore = Heap.usedAfterGc();
        byte[] identity = "twin".getBytes();
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket first = dealer(context, identity);
            assertThat(call(first, 1, "echo", "first")).isEqualTo("echo:first");
            ZMQ.Socket twin = dealer(context, identity);
            byte[] frame = RequestFrame.encode(RawDealer.id(2), "echo", Codecs.CODEC.encode("y".repeat(256 * 1024)));
            int accepted = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() - deadline < 0 && accepted < 2000) {
                if (twin.send(frame, ZMQ.DONTWAIT)) {
                    accepted++;
                }
                else {
                    Thread.onSpinWait();
                }
            }
            long heapGrowth = Heap.usedAfterGc() - heapBefore;
            System.out.println("PeerMemoryTests: twin peer queued " + accepted + " frames of 256 KiB, heap growth "
                    + heapGrowth / (1024 * 1024) + " MiB");
            assertThat(heapGrowth).as("heap growth in bytes").isLessThan(128L * 1024 * 1024);
            assertThat(call(first, 3, "echo", "first again")).isEqualTo("echo:first again");
        }
    }

    private ZMQ.Socket dealer(ZContext context, byte[] identity) {
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setIdentity(identity);
        socket.setHandshakeIvl(500);
        socket.setSndHWM(1000);
        socket.setReceiveTimeOut(30_000);
        socket.connect("tcp://127.0.0.1:" + server.port());
        return socket;
    }

    private static Object call(ZMQ.Socket socket, long n, String function, Object argument) {
        socket.send(RequestFrame.encode(RawDealer.id(n), function, Codecs.CODEC.encode(argument)), 0);
        while (true) {
            byte[] reply = socket.recv(0);
            assertThat(reply).as("reply within 30 s").isNotNull();
            if (RawDealer.idOf(reply) == n) {
                return RawDealer.body(reply);
            }
        }
    }
}
