package io.zeroapi.frame;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frame parsing never fails with anything but {@link ZeroFrameException} (or {@link EOFException} for a
 * truncated stream), whatever bytes arrive, and encoding round-trips.
 */
class FramePropertyTests {

    @Property(tries = 1000)
    void requestParsingEitherSucceedsOrThrowsFrameException(@ForAll @Size(max = 200) byte[] bytes) {
        try {
            RequestFrame frame = RequestFrame.parse(bytes);
            assertThat(frame.id()).hasSize(16);
            assertThat(frame.payloadLength()).isEqualTo(Math.max(0, bytes.length - 96));
        }
        catch (ZeroFrameException expected) {
            assertThat(bytes.length < 16 || expected.getMessage().contains("UTF-8")).isTrue();
        }
    }

    @Property(tries = 1000)
    void tcpParsingEitherSucceedsOrThrowsFrameException(@ForAll @Size(max = 64) byte[] bytes) {
        try {
            TcpFrame frame = TcpFrame.parse(bytes);
            assertThat(frame.payload()).hasSize(bytes.length - 9);
        }
        catch (ZeroFrameException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void tcpReadingEitherSucceedsOrThrowsFrameOrEofException(@ForAll @Size(max = 64) byte[] bytes) throws IOException {
        try {
            TcpFrame.read(new ByteArrayInputStream(bytes), 1024);
        }
        catch (EOFException expected) {
            boolean truncated = bytes.length < TcpFrame.HEADER_LENGTH
                    || (java.nio.ByteBuffer.wrap(bytes).getInt() & 0xFFFFFFFFL) > bytes.length - 4;
            assertThat(truncated).isTrue();
        }
        catch (ZeroFrameException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void requestFrameRoundTrips(@ForAll @Size(16) byte[] id, @ForAll @StringLength(max = 26) String name,
            @ForAll @Size(max = 50) byte[] payload) {
        String function = name.strip().replaceAll("[\\s\\p{Cs}]", "x");
        byte[] encoded = RequestFrame.encode(id, function, payload);
        RequestFrame frame = RequestFrame.parse(encoded);
        assertThat(frame.id()).isEqualTo(id);
        assertThat(frame.function()).isEqualTo(function);
        assertThat(frame.payload()).isEqualTo(payload);
    }

    @Property(tries = 500)
    void tcpFrameRoundTrips(@ForAll int id, @ForAll boolean error, @ForAll @Size(max = 100) byte[] payload)
            throws IOException {
        byte[] encoded = new TcpFrame(id, error, payload).encode();
        for (TcpFrame frame : new TcpFrame[] { TcpFrame.parse(encoded), TcpFrame.read(new ByteArrayInputStream(encoded), 100) }) {
            assertThat(frame.requestId()).isEqualTo(id);
            assertThat(frame.error()).isEqualTo(error);
            assertThat(frame.payload()).isEqualTo(payload);
        }
    }
}
