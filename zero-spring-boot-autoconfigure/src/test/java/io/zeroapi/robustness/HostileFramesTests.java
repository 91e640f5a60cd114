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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zeroapi.frame.RequestFrame;
import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.Codecs;
import io.zeroapi.testing.Heap;
import io.zeroapi.testing.HostileMsgpack;
import io.zeroapi.testing.RawDealer;
import io.zeroapi.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a running server more than 10,000 malformed messages from raw DEALERs, interleaved with valid calls:
 * every valid call gets its own correct reply, the server stays up, the heap stays bounded, and each kind of
 * rejected frame is logged at WARN at most once per interval, without a stack trace per frame. Seeded: set
 * {@code -Dzero.fuzz.seed=...} to replay the seed a failure printed.
 */
class HostileFramesTests {

    private static final int MAX_MESSAGE_SIZE = 128 * 1024;

    private static final int BAD_MESSAGES = 10_000;

    private static final int VALID_EVERY = 40;

    private static final int OVERSIZED_MESSAGES = 20;

    private static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;

    enum Kind {
        RANDOM_BYTES, EMPTY_FRAME, CUT_IN_ID, CUT_IN_NAME, SEVERAL_FRAMES, NAME_NOT_UTF8, NAME_NUL_PADDED,
        NOT_MSGPACK, HUGE_DECLARED_LENGTH, DEEP_NESTING, UNKNOWN_NAME
    }

    private final ExecutorService workers = WorkerPools.fixed(2, Thread::new);

    private final RobustFunctions functions = new RobustFunctions();

    private final Logger zeroLogger = (Logger) LoggerFactory.getLogger("io.zeroapi");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    private Level previousLevel;

    private ZeroServer server;

    @BeforeEach
    void start() {
        previousLevel = zeroLogger.getLevel();
        zeroLogger.setLevel(Level.INFO);
        logs.start();
        zeroLogger.addAppender(logs);
        server = TestServers.start(functions, workers, MAX_MESSAGE_SIZE, 10_000);
    }

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
        zeroLogger.detachAppender(logs);
        zeroLogger.setLevel(previousLevel);
    }

    @Test
    void shouldAnswerEveryValidCallAndSurviveMalformedFrames() {
        long seed = Long.getLong("zero.fuzz.seed", System.nanoTime());
        System.out.println("HostileFramesTests seed: " + seed + " (replay with -Dzero.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        long heapBefore = Heap.usedAfterGc();
        long started = System.nanoTime();
        Map<Kind, Integer> sent = new EnumMap<>(Kind.class);
        int[] badReplies = { 0 };
        int validCalls = 0;
        try (RawDealer dealer = new RawDealer(server.port()); RawDealer bystander = new RawDealer(server.port())) {
            for (int i = 0; i < BAD_MESSAGES; i++) {
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                sent.merge(kind, 1, Integer::sum);
                sendBad(dealer, kind, random);
                while (dealer.poll() != null) {
                    badReplies[0]++;
                }
                if (i % VALID_EVERY == VALID_EVERY - 1) {
                    validCalls += assertValidCalls(dealer, bystander, i, badReplies);
                }
            }
            validCalls += assertValidCalls(dealer, bystander, BAD_MESSAGES, badReplies);
            sendOversized(random);
            validCalls += assertValidCalls(dealer, bystander, BAD_MESSAGES + 1, badReplies);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("HostileFramesTests: " + BAD_MESSAGES + " bad messages " + sent + " + "
                + OVERSIZED_MESSAGES + " oversized, " + validCalls + " valid calls, " + badReplies[0]
                + " error replies, in " + elapsed.toMillis() + " ms");
        assertThat(server.isRunning()).isTrue();
        try (RawDealer late = new RawDealer(server.port())) {
            assertThat(late.call(1, "echo", "still up")).isEqualTo("echo:still up");
        }
        long heapGrowth = Heap.usedAfterGc() - heapBefore;
        assertThat(heapGrowth).as("heap growth in bytes").isLessThan(MAX_HEAP_GROWTH);
        assertRateLimitedLogs(elapsed);
    }

    private int assertValidCalls(RawDealer dealer, RawDealer bystander, long n, int[] badReplies) {
        String value = "v" + n + "-\u00e9\u4e2d";
        dealer.send(2 * n, "echo", value);
        bystander.send(2 * n + 1, "user_echo", new RobustFunctions.User(n, "user" + n, "u" + n + "@x.io"));
        assertThat(RawDealer.body(dealer.awaitReply(2 * n, reply -> badReplies[0]++))).isEqualTo("echo:" + value);
        byte[] user = bystander.awaitReply(2 * n + 1, reply -> {
            throw new AssertionError("unexpected reply on the bystander: " + Arrays.toString(reply));
        });
        RobustFunctions.User decoded = Codecs.CODEC.decode(user, 16, user.length - 16, RobustFunctions.User.class);
        assertThat(decoded)
            .isEqualTo(new RobustFunctions.User(n + 1, "USER" + n, "u" + n + "@x.io"));
        return 2;
    }

    private void sendBad(RawDealer dealer, Kind kind, Random random) {
        long n = -1 - random.nextInt(1_000_000);
        byte[] id = RawDealer.id(n);
        switch (kind) {
            case RANDOM_BYTES -> dealer.send(randomBytes(random, random.nextInt(20) == 0 ? 60_000 : 400));
            case EMPTY_FRAME -> dealer.send(new byte[0]);
            case CUT_IN_ID -> dealer.send(Arrays.copyOf(validFrame(id, random), 1 + random.nextInt(15)));
            case CUT_IN_NAME -> dealer.send(Arrays.copyOf(validFrame(id, random), 16 + random.nextInt(80)));
            case SEVERAL_FRAMES -> {
                byte[][] frames = new byte[2 + random.nextInt(4)][];
                for (int f = 0; f < frames.length; f++) {
                    frames[f] = random.nextBoolean() ? validFrame(id, random) : randomBytes(random, 100);
                }
                dealer.sendFrames(frames);
            }
            case NAME_NOT_UTF8 -> {
                byte[] frame = validFrame(id, random);
                frame[16 + random.nextInt(3)] = (byte) (0x80 + random.nextInt(0x80));
                dealer.send(frame);
            }
            case NAME_NUL_PADDED -> {
                byte[] frame = validFrame(id, random);
                Arrays.fill(frame, 16 + 4, 96, (byte) 0);
                dealer.send(frame);
            }
            case NOT_MSGPACK -> dealer.send(RequestFrame.encode(id, random.nextBoolean() ? "echo" : "user_echo",
                    notMsgpack(random)));
            case HUGE_DECLARED_LENGTH -> dealer.send(RequestFrame.encode(id,
                    random.nextBoolean() ? "echo" : "user_echo", hugeDeclaredLength(random)));
            case DEEP_NESTING -> dealer.send(RequestFrame.encode(id, "echo", HostileMsgpack.deepNesting(random)));
            case UNKNOWN_NAME -> dealer.send(RequestFrame.encode(id, "no_such_" + random.nextInt(1000), null));
        }
    }

    private static byte[] validFrame(byte[] id, Random random) {
        return RequestFrame.encode(id, "echo", Codecs.CODEC.encode("x" + random.nextInt()));
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
            case 2 -> Arrays.copyOf(Codecs.CODEC.encode("a string cut short"), 5);
            default -> {
                byte[] value = Codecs.CODEC.encode("trailing");
                byte[] withTrailing = Arrays.copyOf(value, value.length + 1 + random.nextInt(10));
                withTrailing[value.length] = (byte) 0xc0;
                yield withTrailing;
            }
        };
    }

    private static byte[] hugeDeclaredLength(Random random) {
        byte[] value = HostileMsgpack.hugeDeclaredLength(random);
        if (random.nextBoolean()) {
            return value;
        }
        byte[] key = Codecs.CODEC.encode("name");
        ByteBuffer map = ByteBuffer.allocate(1 + key.length + value.length).put((byte) 0x81).put(key)
            .put(value);
        return map.array();
    }

    /**
     * ZeroMQ drops the connection of a peer sending more than the maximum message size, so each oversized message
     * goes on a DEALER of its own; its monitor proves the server refused it.
     */
    private void sendOversized(Random random) {
        try (RawDealer oversized = new RawDealer(server.port())) {
            ZMQ.Socket monitor = oversized.context().createSocket(SocketType.PAIR);
            oversized.socket().monitor("inproc://oversized-monitor", ZMQ.EVENT_DISCONNECTED);
            monitor.connect("inproc://oversized-monitor");
            monitor.setReceiveTimeOut((int) RawDealer.REPLY_TIMEOUT.toMillis());
            for (int i = 0; i < OVERSIZED_MESSAGES; i++) {
                byte[] payload = randomBytes(random, 64 * 1024);
                byte[] frame = new byte[MAX_MESSAGE_SIZE + 1 + payload.length];
                System.arraycopy(RequestFrame.encode(RawDealer.id(-1), "echo", null), 0, frame, 0, 96);
                System.arraycopy(payload, 0, frame, 96, payload.length);
                oversized.send(frame);
                ZMQ.Event event = ZMQ.Event.recv(monitor);
                assertThat(event).as("disconnect after oversized message " + i).isNotNull();
                assertThat(event.getEvent()).isEqualTo(ZMQ.EVENT_DISCONNECTED);
            }
            assertThat(oversized.receive(Duration.ofMillis(1))).isNull();
        }
    }

    private void assertRateLimitedLogs(Duration elapsed) {
        List<ILoggingEvent> events;
        synchronized (logs) {
            events = new ArrayList<>(logs.list);
        }
        List<ILoggingEvent> warnings = events.stream().filter(event -> event.getLevel() == Level.WARN).toList();
        long withStackTrace = events.stream().filter(event -> event.getThrowableProxy() != null).count();
        long intervals = elapsed.toSeconds() / 10 + 1;
        System.out.println("HostileFramesTests: " + warnings.size() + " WARN lines, " + withStackTrace
                + " with a stack trace: " + warnings.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(warnings).as("WARN lines").hasSizeLessThanOrEqualTo((int) (Kind.values().length * intervals));
        assertThat(warnings.size() * 100).isLessThan(BAD_MESSAGES);
        assertThat(withStackTrace).as("events with a stack trace").isLessThanOrEqualTo(warnings.size());
        assertThat(warnings).extracting(ILoggingEvent::getFormattedMessage)
            .anyMatch(message -> message.startsWith("Frame of "))
            .anyMatch(message -> message.startsWith("Undecodable request frame"))
            .anyMatch(message -> message.startsWith("Malformed payload for"))
            .anyMatch(message -> message.startsWith("No Zero function"));
    }
}
