package io.zeroapi.frame;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.zeroapi.codec.VectorFixtures;
import io.zeroapi.testing.PropertyCases;
import io.zeroapi.testing.Requests;
import io.zeroapi.testing.SeededRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frame parsing never fails with anything but {@link ZeroFrameException} (or {@link EOFException} for a
 * truncated stream), whatever bytes arrive, and encoding round-trips: for edge cases at the header and length
 * boundaries and for hundreds of seeded random frames (see {@link PropertyCases} for the seed), half of the
 * random TCP ones with a length prefix that matches or nearly matches their size.
 */
class FramePropertyTests {

    record RequestParts(byte[] id, String name, byte[] payload) {
    }

    record TcpParts(int id, boolean error, byte[] payload) {
    }

    @ParameterizedTest
    @MethodSource("requestBytes")
    void requestParsingEitherSucceedsOrThrowsFrameException(PropertyCases<byte[]> cases) {
        cases.check(bytes -> {
            try {
                RequestFrame frame = RequestFrame.parse(bytes);
                assertThat(frame.id()).hasSize(16);
                assertThat(frame.payloadLength()).isEqualTo(Math.max(0, bytes.length - 96));
            }
            catch (ZeroFrameException expected) {
                assertThat(bytes.length < 16 || expected.getMessage().contains("UTF-8")).isTrue();
            }
        });
    }

    static Stream<Arguments> requestBytes() {
        Stream<byte[]> zeros = IntStream.of(0, 1, 15, 16, 17, 95, 96, 97, 200).mapToObj(byte[]::new);
        Stream<byte[]> names = Stream.of(request("echo", 96, 0xff), request("é", 200, ' '), request("", 96, 0xc3),
                request("中", 95, 0xe4), request("\t echo \r\n", 96, ' '), request("", 200, 0x80),
                request("echo", 50, ' '));
        return PropertyCases.of(1000, random -> random.bytes(200), Stream.concat(zeros, names).toList());
    }

    /** {@code length} bytes: a zero id, {@code name} in UTF-8, then {@code fill} to the end. */
    private static byte[] request(String name, int length, int fill) {
        byte[] frame = new byte[length];
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, frame, 16, utf8.length);
        Arrays.fill(frame, 16 + utf8.length, length, (byte) fill);
        return frame;
    }

    @ParameterizedTest
    @MethodSource("tcpBytes")
    void tcpParsingEitherSucceedsOrThrowsFrameException(PropertyCases<byte[]> cases) {
        cases.check(bytes -> {
            try {
                TcpFrame frame = TcpFrame.parse(bytes);
                assertThat(frame.payload()).hasSize(bytes.length - 9);
            }
            catch (ZeroFrameException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("tcpBytes")
    void tcpReadingEitherSucceedsOrThrowsFrameOrEofException(PropertyCases<byte[]> cases) {
        cases.check(bytes -> {
            try {
                TcpFrame.read(new ByteArrayInputStream(bytes), 1024);
            }
            catch (EOFException expected) {
                boolean truncated = bytes.length < TcpFrame.HEADER_LENGTH
                        || (ByteBuffer.wrap(bytes).getInt() & 0xFFFFFFFFL) > bytes.length - 4;
                assertThat(truncated).isTrue();
            }
            catch (ZeroFrameException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    static Stream<Arguments> tcpBytes() {
        List<byte[]> edges = Stream.of("", "000000", "00000000", "00000005", "0000000500000001", "000000050000000100",
                "000000050000000101", "000000050000000102", "0000000500000001ff", "ffffffff0000000100",
                "0000040a0000000100", "00000006000000010000", "00000007000000010000", "000000060000000100c0c0")
            .map(VectorFixtures::hex)
            .toList();
        byte[] full = new TcpFrame(-1, true, new byte[55]).encode();
        return PropertyCases.of(1000, FramePropertyTests::tcpShaped,
                Stream.concat(edges.stream(), Stream.of(full, Arrays.copyOf(full, 63))).toList());
    }

    /** Up to 64 random bytes, half of the time behind a length prefix one short of, equal to or one over their size. */
    private static byte[] tcpShaped(SeededRandom random) {
        byte[] bytes = random.bytes(64);
        if (bytes.length >= 4 && random.anyBoolean()) {
            ByteBuffer.wrap(bytes).putInt(bytes.length - 4 + random.intBetween(-1, 1));
            if (bytes.length >= TcpFrame.HEADER_LENGTH) {
                bytes[8] = (byte) random.intBetween(0, 2);
            }
        }
        return bytes;
    }

    @ParameterizedTest
    @MethodSource("requestParts")
    void requestFrameRoundTrips(PropertyCases<RequestParts> cases) {
        cases.check(parts -> {
            String function = parts.name().strip().replaceAll("[\\s\\p{Cs}]", "x");
            byte[] encoded = RequestFrame.encode(parts.id(), function, parts.payload());
            RequestFrame frame = RequestFrame.parse(encoded);
            assertThat(frame.id()).isEqualTo(parts.id());
            assertThat(frame.function()).isEqualTo(function);
            assertThat(Requests.payload(frame)).isEqualTo(parts.payload());
        });
    }

    static Stream<Arguments> requestParts() {
        List<String> names = List.of("", " ", "x", "echo", "\u0000", " \t\n\u000b\u000c\r", "\u001c", "a b",
                "\uffff".repeat(26), "中".repeat(26), "a".repeat(26), "😀", "\ud800", "é\u0000 ");
        byte[] ones = new byte[16];
        Arrays.fill(ones, (byte) -1);
        List<RequestParts> edges = IntStream.range(0, names.size())
            .mapToObj(k -> new RequestParts((k % 2 == 0) ? new byte[16] : ones, names.get(k),
                    new byte[][] { new byte[0], new byte[50], { ' ' }, { (byte) 0xc0 } }[k % 4]))
            .toList();
        return PropertyCases.of(500, random -> new RequestParts(random.bytesOfLength(16), random.chars(26),
                random.bytes(50)), edges);
    }

    @ParameterizedTest
    @MethodSource("tcpParts")
    void tcpFrameRoundTrips(PropertyCases<TcpParts> cases) {
        cases.check(parts -> {
            byte[] encoded = new TcpFrame(parts.id(), parts.error(), parts.payload()).encode();
            for (TcpFrame frame : new TcpFrame[] { TcpFrame.parse(encoded), read(encoded) }) {
                assertThat(frame.requestId()).isEqualTo(parts.id());
                assertThat(frame.error()).isEqualTo(parts.error());
                assertThat(frame.payload()).isEqualTo(parts.payload());
            }
        });
    }

    static Stream<Arguments> tcpParts() {
        List<TcpParts> edges = IntStream.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE)
            .boxed()
            .flatMap(id -> Stream.of(new TcpParts(id, false, new byte[0]), new TcpParts(id, true, new byte[100]),
                    new TcpParts(id, id % 2 == 0, new byte[] { 1 })))
            .toList();
        return PropertyCases.of(500, random -> new TcpParts(random.anyInt(), random.anyBoolean(), random.bytes(100)),
                edges);
    }

    private static TcpFrame read(byte[] encoded) throws IOException {
        return TcpFrame.read(new ByteArrayInputStream(encoded), 100);
    }
}
