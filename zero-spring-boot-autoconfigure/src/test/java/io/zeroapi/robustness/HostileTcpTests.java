package io.zeroapi.robustness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zeroapi.frame.TcpFrame;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.Heap;
import io.zeroapi.testing.HostileMsgpack;
import io.zeroapi.testing.RawTcp;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on Zero's TCP protocol, from plain sockets: 2,000 connections each sending something malformed
 * (random bytes, length prefixes below 5 or claiming gigabytes, frames cut short, payloads that are not msgpack or
 * claim gigabytes inside, 100,000-level nesting, requests that are not maps or name no function or an unknown one),
 * slow senders trickling a frame byte by byte, and hundreds of connections open at once. Meanwhile a bystander
 * connection's calls are all answered correctly, the server stays up, the heap stays flat, and each kind of problem is
 * logged at WARN at most once per interval. Seeded: {@code -Dzero.fuzz.seed=...} replays a printed seed.
 */
class HostileTcpTests {

    private static final int MAX_MESSAGE_SIZE = 128 * 1024;

    private static final int CONNECTIONS = 2000;

    private static final int VALID_EVERY = 20;

    private static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;

    enum Kind {
        RANDOM_BYTES, LENGTH_BELOW_FIVE, LENGTH_OVER_LIMIT, CUT_SHORT, NOT_MSGPACK, HUGE_DECLARED_LENGTH, DEEP_NESTING,
        NOT_A_MAP, NO_FUNCTION, UNKNOWN_NAME
    }

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final Logger zeroLogger = (Logger) LoggerFactory.getLogger("io.zeroapi");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    private final List<ZeroServer> servers = new ArrayList<>();

    private Level previousLevel;

    @AfterEach
    void stop() {
        servers.forEach(ZeroServer::close);
        workers.shutdownNow();
        if (previousLevel != null || logs.isStarted()) {
            zeroLogger.detachAppender(logs);
            zeroLogger.setLevel(previousLevel);
        }
    }

    private ZeroServer start(long maxMessageSize) {
        ZeroServer server = ZeroServer.builder()
            .endpoints(TestServers.endpoints(new RobustFunctions()))
            .workers(workers)
            .settings(new ZeroServerSettings("127.0.0.1", 0, maxMessageSize, 10_000))
            .zeromq(false)
            .tcp(0)
            .build();
        server.start();
        servers.add(server);
        return server;
    }

    @Test
    void shouldAnswerEveryValidCallWhileThousandsOfConnectionsSendMalformedInput() {
        previousLevel = zeroLogger.getLevel();
        zeroLogger.setLevel(Level.INFO);
        logs.start();
        zeroLogger.addAppender(logs);
        ZeroServer server = start(MAX_MESSAGE_SIZE);
        long seed = Long.getLong("zero.fuzz.seed", System.nanoTime());
        System.out.println("HostileTcpTests seed: " + seed + " (replay with -Dzero.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        long heapBefore = Heap.usedAfterGc();
        long started = System.nanoTime();
        Map<Kind, Integer> sent = new EnumMap<>(Kind.class);
        try (RawTcp bystander = new RawTcp(server.tcpPort())) {
            for (int i = 0; i < CONNECTIONS; i++) {
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                sent.merge(kind, 1, Integer::sum);
                try (RawTcp hostile = new RawTcp(server.tcpPort())) {
                    sendBad(hostile, kind, random);
                }
                if (i % VALID_EVERY == VALID_EVERY - 1) {
                    assertValidCall(bystander, i);
                }
            }
            assertValidCall(bystander, CONNECTIONS);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("HostileTcpTests: " + CONNECTIONS + " hostile connections " + sent + " in "
                + elapsed.toMillis() + " ms");
        assertThat(server.isRunning()).isTrue();
        try (RawTcp late = new RawTcp(server.tcpPort())) {
            assertThat(late.call(1, "echo", "still up")).isEqualTo("echo:still up");
        }
        assertThat(Heap.usedAfterGc() - heapBefore).as("heap growth in bytes").isLessThan(MAX_HEAP_GROWTH);
        assertRateLimitedLogs(elapsed);
    }

    @Test
    void shouldNotAllocateWhatLengthPrefixesClaimBeforeTheBytesArrive() {
        ZeroServer server = start(1024L * 1024 * 1024);
        long heapBefore = Heap.usedAfterGc();
        List<RawTcp> claims = new ArrayList<>();
        try (RawTcp bystander = new RawTcp(server.tcpPort())) {
            for (int i = 0; i < 200; i++) {
                RawTcp claim = new RawTcp(server.tcpPort());
                claims.add(claim);
                claim.send(ByteBuffer.allocate(4 + 1024).putInt(1000 * 1024 * 1024).array());
                if (i % 20 == 0) {
                    assertValidCall(bystander, i);
                }
            }
            assertThat(Heap.usedAfterGc() - heapBefore).as("heap growth with 200 frames of 1 GB announced")
                .isLessThan(MAX_HEAP_GROWTH);
            claims.forEach(RawTcp::close);
            assertValidCall(bystander, 1000);
        }
    }

    @Test
    void shouldServeOthersWhileSlowSendersTrickleTheirFrames() {
        ZeroServer server = start(MAX_MESSAGE_SIZE);
        try (RawTcp slow = new RawTcp(server.tcpPort()); RawTcp slower = new RawTcp(server.tcpPort());
                RawTcp bystander = new RawTcp(server.tcpPort())) {
            byte[] frame = TcpFrame.request(9, "echo", Codecs.CODEC.encode("slowly"));
            for (int i = 0; i < frame.length; i++) {
                slow.send(new byte[] { frame[i] });
                if (i < frame.length - 1) {
                    slower.send(new byte[] { frame[i] });
                }
                assertValidCall(bystander, i);
            }
            byte[] reply = slow.receive();
            assertThat(TcpFrame.requestId(reply)).isEqualTo(9);
            assertThat(RawTcp.payload(reply)).isEqualTo("echo:slowly");
            slower.send(new byte[] { frame[frame.length - 1] });
            assertThat(RawTcp.payload(slower.receive())).isEqualTo("echo:slowly");
        }
    }

    @Test
    void shouldServeHundredsOfConnectionsOpenAtOnceAndForgetThemWhenClosed() {
        ZeroServer server = start(MAX_MESSAGE_SIZE);
        List<RawTcp> open = new ArrayList<>();
        try (RawTcp bystander = new RawTcp(server.tcpPort())) {
            for (int i = 0; i < 500; i++) {
                open.add(new RawTcp(server.tcpPort()));
            }
            for (int i = 0; i < open.size(); i++) {
                open.get(i).send(i, "echo", "c" + i);
            }
            for (int i = 0; i < open.size(); i++) {
                assertThat(RawTcp.payload(open.get(i).receive())).isEqualTo("echo:c" + i);
            }
            open.forEach(RawTcp::close);
            assertValidCall(bystander, 0);
            assertThat(server.inFlight()).isZero();
        }
    }

    private static void assertValidCall(RawTcp bystander, int n) {
        String value = "v" + n + "-\u00e9\u4e2d";
        assertThat(bystander.call(n, "echo", value)).isEqualTo("echo:" + value);
        RobustFunctions.User user = new RobustFunctions.User(n, "user" + n, "u" + n + "@x.io");
        bystander.send(n + 1, "user_echo", user);
        byte[] reply = bystander.receive();
        assertThat(TcpFrame.requestId(reply)).isEqualTo(n + 1);
        RobustFunctions.User decoded = Codecs.CODEC.decode(reply, TcpFrame.HEADER_LENGTH,
                reply.length - TcpFrame.HEADER_LENGTH, RobustFunctions.User.class);
        assertThat(decoded).isEqualTo(new RobustFunctions.User(n + 1, "USER" + n, "u" + n + "@x.io"));
    }

    private static void sendBad(RawTcp hostile, Kind kind, Random random) {
        switch (kind) {
            case RANDOM_BYTES -> hostile.send(randomBytes(random, random.nextInt(20) == 0 ? 60_000 : 400));
            case LENGTH_BELOW_FIVE -> {
                hostile.send(ByteBuffer.allocate(9).putInt(random.nextInt(5)).array());
                hostile.awaitClosed();
            }
            case LENGTH_OVER_LIMIT -> {
                long claimed = random.nextBoolean() ? 0xFFFFFFFFL : MAX_MESSAGE_SIZE + 6 + random.nextInt(1 << 20);
                hostile.send(ByteBuffer.allocate(9).putInt((int) claimed).array());
                hostile.awaitClosed();
            }
            case CUT_SHORT -> {
                byte[] frame = TcpFrame.request(1, "echo", Codecs.CODEC.encode("x" + random.nextInt()));
                hostile.send(Arrays.copyOf(frame, random.nextInt(frame.length)));
            }
            case NOT_MSGPACK -> {
                hostile.send(new TcpFrame(2, false, notMsgpack(random)).encode());
                hostile.awaitClosed();
            }
            case HUGE_DECLARED_LENGTH -> {
                hostile.send(new TcpFrame(3, false, hugeDeclaredLength(random)).encode());
                hostile.awaitClosed();
            }
            case DEEP_NESTING -> {
                hostile.send(TcpFrame.request(4, "echo", HostileMsgpack.deepNesting(random)));
                hostile.awaitClosed();
            }
            case NOT_A_MAP -> assertThat(reply(hostile, new TcpFrame(5, false, Codecs.CODEC.encode(List.of(1)))))
                .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "Request must be a dict"));
            case NO_FUNCTION -> assertThat(reply(hostile,
                    new TcpFrame(6, false, Codecs.CODEC.encode(Map.of("data", random.nextInt())))))
                .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "Missing function name"));
            case UNKNOWN_NAME -> {
                String name = "no_such_" + random.nextInt(1000);
                assertThat(hostile.call(7, name, null))
                    .isEqualTo(Map.of(ZeroErrors.FUNCTION_NOT_FOUND, ZeroErrors.functionNotFound(name)));
            }
        }
    }

    private static Object reply(RawTcp hostile, TcpFrame frame) {
        hostile.send(frame.encode());
        byte[] reply = hostile.receive();
        assertThat(TcpFrame.requestId(reply)).isEqualTo(frame.requestId());
        assertThat(reply[8]).as("error flag").isEqualTo((byte) 1);
        return RawTcp.payload(reply);
    }

    private static byte[] randomBytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] notMsgpack(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[] { (byte) 0xc1 };
            case 1 -> "plain text, not msgpack".getBytes(StandardCharsets.UTF_8);
            case 2 -> Arrays.copyOf(Codecs.CODEC.encode(Map.of("fn", "echo", "data", "cut short")), 9);
            default -> {
                byte[] value = Codecs.CODEC.encode(Map.of("fn", "echo"));
                byte[] withTrailing = Arrays.copyOf(value, value.length + 1 + random.nextInt(10));
                withTrailing[value.length] = (byte) 0xc0;
                yield withTrailing;
            }
        };
    }

    private static byte[] hugeDeclaredLength(Random random) {
        byte[] value = HostileMsgpack.hugeDeclaredLength(random);
        byte[] start = Codecs.CODEC.encode(Map.of("fn", "echo"));
        start[0] = (byte) 0x82;
        byte[] data = Codecs.CODEC.encode("data");
        return ByteBuffer.allocate(start.length + data.length + value.length).put(start).put(data)
            .put(value).array();
    }

    private void assertRateLimitedLogs(Duration elapsed) {
        List<ILoggingEvent> events;
        synchronized (logs) {
            events = new ArrayList<>(logs.list);
        }
        List<ILoggingEvent> warnings = events.stream().filter(event -> event.getLevel() == Level.WARN).toList();
        long intervals = elapsed.toSeconds() / 10 + 1;
        System.out.println("HostileTcpTests: " + warnings.size() + " WARN lines: "
                + warnings.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(warnings).as("WARN lines").hasSizeLessThanOrEqualTo((int) (Kind.values().length * intervals));
        assertThat(warnings).extracting(ILoggingEvent::getFormattedMessage)
            .anyMatch(message -> message.startsWith("Closing a TCP connection"))
            .anyMatch(message -> message.startsWith("TCP request refused"))
            .anyMatch(message -> message.startsWith("No Zero function"));
    }
}
