package io.zeroapi.frame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.zeroapi.codec.VectorFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TCP-v2 frames (section 2.1): big-endian length of 5 + payload, unsigned request id, error flag, payload.
 */
class TcpFrameTests {

    @Test
    void shouldPrefixLengthOfIdFlagAndPayload() {
        byte[] frame = new TcpFrame(1, false, hex("a24869")).encode();
        assertThat(hex(frame)).isEqualTo("000000080000000100a24869");
    }

    @Test
    void shouldWriteErrorFlag() {
        assertThat(hex(new TcpFrame(7, true, hex("80")).encode())).isEqualTo("00000006000000070180");
    }

    @Test
    void shouldCarryRequestIdAsUnsignedThirtyTwoBits() {
        byte[] frame = new TcpFrame(0xFFFFFFFF, false, hex("c0")).encode();
        assertThat(hex(frame)).isEqualTo("00000006ffffffff00c0");
        TcpFrame parsed = TcpFrame.parse(frame);
        assertThat(Integer.toUnsignedLong(parsed.requestId())).isEqualTo(4294967295L);
        assertThat(parsed.requestId() + 1).isZero();
    }

    @Test
    void shouldParseWhatItEncodes() {
        TcpFrame parsed = TcpFrame.parse(new TcpFrame(42, true, hex("81a161c3")).encode());
        assertThat(parsed.requestId()).isEqualTo(42);
        assertThat(parsed.error()).isTrue();
        assertThat(parsed.payload()).isEqualTo(hex("81a161c3"));
    }

    @Test
    void shouldAllowEmptyPayload() {
        assertThat(TcpFrame.parse(hex("000000050000000100")).payload()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "00000005", "0000000500000001", "00000004000000010000", "00000009000000010000",
            "000000060000000100", "000000050000000102" })
    void shouldRejectShortOrMismatchedFrames(String frame) {
        assertThatThrownBy(() -> TcpFrame.parse(hex(frame))).isInstanceOf(ZeroFrameException.class);
    }

    @Test
    void shouldReadConsecutiveFramesFromStream() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new TcpFrame(1, false, hex("a24869")).encode());
        out.write(new TcpFrame(2, true, hex("06")).encode());
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        TcpFrame first = TcpFrame.read(in, 1024);
        TcpFrame second = TcpFrame.read(in, 1024);
        assertThat(first.requestId()).isEqualTo(1);
        assertThat(first.payload()).isEqualTo(hex("a24869"));
        assertThat(second.requestId()).isEqualTo(2);
        assertThat(second.error()).isTrue();
        assertThat(in.available()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 2, 4, 6, 8, 10 })
    void shouldThrowEofForTruncatedStream(int keep) {
        byte[] frame = Arrays.copyOf(new TcpFrame(1, false, hex("a24869")).encode(), keep);
        assertThatThrownBy(() -> TcpFrame.read(new ByteArrayInputStream(frame), 1024)).isInstanceOf(EOFException.class);
    }

    @Test
    void shouldRefuseOversizedFrameBeforeReadingIt() {
        byte[] header = hex("7fffffff0000000100");
        assertThatThrownBy(() -> TcpFrame.read(new ByteArrayInputStream(header), 1 << 20))
            .isInstanceOf(ZeroFrameException.class)
            .hasMessageContaining("limit");
        assertThatThrownBy(() -> TcpFrame.read(new ByteArrayInputStream(hex("ffffffff0000000100")), 1 << 20))
            .isInstanceOf(ZeroFrameException.class);
    }

    @Test
    void shouldRefuseLengthBelowFiveWhenReading() {
        assertThatThrownBy(() -> TcpFrame.read(new ByteArrayInputStream(hex("000000040000000100")), 1024))
            .isInstanceOf(ZeroFrameException.class);
    }

    @Test
    void shouldRefuseUnknownErrorFlag() {
        assertThatThrownBy(() -> TcpFrame.read(new ByteArrayInputStream(hex("000000050000000102")), 1024))
            .isInstanceOf(ZeroFrameException.class);
    }
}
