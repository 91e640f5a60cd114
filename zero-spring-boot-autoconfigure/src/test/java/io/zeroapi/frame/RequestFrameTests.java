package io.zeroapi.frame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.zeroapi.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.zeroapi.codec.VectorFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ZeroMQ request and response frames (sections 1.2 to 1.4), parsed the way the Python server parses them.
 */
class RequestFrameTests {

    private static final byte[] ID = hex("000102030405060708090a0b0c0d0e0f");

    private static byte[] frame(String afterId) {
        byte[] rest = afterId.getBytes(StandardCharsets.ISO_8859_1);
        byte[] frame = Arrays.copyOf(ID, 16 + rest.length);
        System.arraycopy(rest, 0, frame, 16, rest.length);
        return frame;
    }

    @Test
    void shouldPadNameWithSpacesToEightyBytes() {
        byte[] frame = RequestFrame.encode(ID, "echo", hex("a24869"));
        assertThat(frame).hasSize(99);
        assertThat(new String(frame, 16, 80, StandardCharsets.US_ASCII)).isEqualTo("echo" + " ".repeat(76));
        assertThat(Arrays.copyOfRange(frame, 96, 99)).isEqualTo(hex("a24869"));
    }

    @Test
    void shouldSendNoPayloadForNullOrEmptyArgument() {
        assertThat(RequestFrame.encode(ID, "hello_world", null)).hasSize(96);
        assertThat(RequestFrame.encode(ID, "hello_world", new byte[0])).hasSize(96);
    }

    @Test
    void shouldAcceptNameOfExactlyEightyUtf8Bytes() {
        String name = "€".repeat(26) + "ab";
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(80);
        byte[] frame = RequestFrame.encode(ID, name, hex("01"));
        assertThat(frame).hasSize(97);
        assertThat(RequestFrame.parse(frame).function()).isEqualTo(name);
    }

    @Test
    void shouldRejectNameLongerThanEightyUtf8Bytes() {
        String name = "€".repeat(27);
        assertThat(name).hasSize(27);
        assertThatThrownBy(() -> RequestFrame.encode(ID, name, null)).isInstanceOf(ZeroFrameException.class)
            .hasMessageContaining("81");
        assertThatThrownBy(() -> RequestFrame.encodeName("x".repeat(81))).isInstanceOf(ZeroFrameException.class);
    }

    @Test
    void shouldRejectIdThatIsNotSixteenBytes() {
        assertThatThrownBy(() -> RequestFrame.encode(new byte[15], "echo", null)).isInstanceOf(ZeroFrameException.class);
        assertThatThrownBy(() -> RequestFrame.connect(new byte[17])).isInstanceOf(ZeroFrameException.class);
    }

    @Test
    void shouldBuildTwentyThreeByteConnectFrame() {
        byte[] frame = RequestFrame.connect(ID);
        assertThat(frame).hasSize(23);
        assertThat(new String(frame, 16, 7, StandardCharsets.US_ASCII)).isEqualTo("connect");
    }

    @Test
    void shouldSplitIdNameAndPayload() {
        RequestFrame parsed = RequestFrame.parse(RequestFrame.encode(ID, "add", hex("93010203")));
        assertThat(parsed.id()).isEqualTo(ID);
        assertThat(parsed.function()).isEqualTo("add");
        assertThat(parsed.payloadOffset()).isEqualTo(96);
        assertThat(parsed.payloadLength()).isEqualTo(4);
        assertThat(Requests.payload(parsed)).isEqualTo(hex("93010203"));
        assertThat(parsed.hasPayload()).isTrue();
    }

    @Test
    void shouldStripAsciiWhitespaceButNotNul() {
        assertThat(RequestFrame.parse(frame(" \t\n\r\u000b\u000cecho \t\n\r\u000b\u000c")).function()).isEqualTo("echo");
        assertThat(RequestFrame.parse(frame("\u0000echo\u0000")).function()).isEqualTo("\u0000echo\u0000");
        assertThat(RequestFrame.parse(frame("say hi")).function()).isEqualTo("say hi");
    }

    @Test
    void shouldGiveNoPayloadWhenFrameIsCutInsideName() {
        RequestFrame parsed = RequestFrame.parse(frame("echo   "));
        assertThat(parsed.function()).isEqualTo("echo");
        assertThat(parsed.hasPayload()).isFalse();
        assertThat(Requests.payload(parsed)).isEmpty();
    }

    @Test
    void shouldGiveEmptyNameForIdOnlyFrame() {
        RequestFrame parsed = RequestFrame.parse(ID.clone());
        assertThat(parsed.function()).isEmpty();
        assertThat(parsed.hasPayload()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 5, 15 })
    void shouldRejectFramesShorterThanTheId(int length) {
        assertThatThrownBy(() -> RequestFrame.parse(new byte[length])).isInstanceOf(ZeroFrameException.class);
    }

    @Test
    void shouldRejectNameThatIsNotUtf8() {
        assertThatThrownBy(() -> RequestFrame.parse(frame("echo\u00a2Hi"))).isInstanceOf(ZeroFrameException.class)
            .hasMessageContaining("UTF-8");
    }

    @Test
    void shouldDecodeNonAsciiName() {
        byte[] frame = RequestFrame.encode(ID, "grüße", null);
        assertThat(RequestFrame.parse(frame).function()).isEqualTo("grüße");
    }

    @Test
    void shouldEncodeAndParseResponseFrame() {
        byte[] frame = ResponseFrame.encode(ID, hex("a24869"));
        assertThat(frame).isEqualTo(hex("000102030405060708090a0b0c0d0e0fa24869"));
        ResponseFrame parsed = ResponseFrame.parse(frame);
        assertThat(parsed.id()).isEqualTo(ID);
        assertThat(parsed.body()).isEqualTo(hex("a24869"));
    }

    @Test
    void shouldCopyShorterIdBackLikePython() {
        assertThat(ResponseFrame.encode(hex("0102"), hex("c0"))).isEqualTo(hex("0102c0"));
    }

    @Test
    void shouldRejectResponseFrameShorterThanTheId() {
        assertThatThrownBy(() -> ResponseFrame.parse(new byte[15])).isInstanceOf(ZeroFrameException.class);
    }
}
