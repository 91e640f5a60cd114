package io.zeroapi.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zeroapi.ZeroException;
import io.zeroapi.ZeroMethodNotFoundException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroServerBusyException;
import io.zeroapi.ZeroValidationException;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.frame.ZeroErrors;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Zero's rules for error maps in replies: check order, truthiness, and maps that are plain values.
 */
class ReplyReaderTests {

    private static final String ADDRESS = "tcp://127.0.0.1:5559";

    private final ZeroCodec codec = new ZeroCodec();

    private final ReplyReader reader = new ReplyReader(codec);

    private Object read(Object body) {
        return reader.read(ResponseFrame.encode(new byte[16], codec.encode(body)), 16, null, "f", ADDRESS);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void shouldCheckNotFoundThenServerExceptionThenValidation() {
        assertThatExceptionOfType(ZeroMethodNotFoundException.class)
            .isThrownBy(() -> read(map(ZeroErrors.VALIDATION_ERROR, "v", ZeroErrors.SERVER_EXCEPTION, "s",
                    ZeroErrors.FUNCTION_NOT_FOUND, "n")))
            .withMessage("f at " + ADDRESS + ": n")
            .satisfies(ex -> assertThat(ex.getServerMessage()).isEqualTo("n"));
        assertThatExceptionOfType(ZeroRemoteException.class)
            .isThrownBy(() -> read(map(ZeroErrors.VALIDATION_ERROR, "v", ZeroErrors.SERVER_EXCEPTION, "s")))
            .withMessage("f at " + ADDRESS + ": s");
        assertThatExceptionOfType(ZeroValidationException.class)
            .isThrownBy(() -> read(map("id", 1, ZeroErrors.VALIDATION_ERROR, "v")))
            .withMessage("f at " + ADDRESS + ": v");
    }

    @Test
    void shouldReadANilReplyAsNullForReferenceTypesAndEmptyForOptional() {
        byte[] nil = ResponseFrame.encode(new byte[16], new byte[] { (byte) 0xc0 });
        assertThat(reader.read(nil, 16, String.class, "f", ADDRESS)).isNull();
        assertThat(reader.read(nil, 16, Integer.class, "f", ADDRESS)).isNull();
        assertThat(reader.read(nil, 16, Map.class, "f", ADDRESS)).isNull();
        assertThat(reader.read(nil, 16, new ParameterizedTypeReference<List<String>>() { }.getType(), "f", ADDRESS))
            .isNull();
        assertThat(reader.read(nil, 16, new ParameterizedTypeReference<Optional<String>>() { }.getType(), "f", ADDRESS))
            .isEqualTo(Optional.empty());
        assertThatExceptionOfType(ZeroException.class).isThrownBy(() -> reader.read(nil, 16, int.class, "f", ADDRESS))
            .withMessageStartingWith("f at " + ADDRESS + ": reply does not fit int");
    }

    @Test
    void shouldRaiseServerBusyAsItsOwnRemoteException() {
        assertThatExceptionOfType(ZeroServerBusyException.class)
            .isThrownBy(() -> read(map(ZeroErrors.SERVER_EXCEPTION, "server busy: 10000 requests in flight, retry later")))
            .isInstanceOf(ZeroRemoteException.class)
            .withMessage("f at " + ADDRESS + ": server busy: 10000 requests in flight, retry later");
        assertThatExceptionOfType(ZeroRemoteException.class)
            .isThrownBy(() -> read(map(ZeroErrors.SERVER_EXCEPTION, "ValueError('server busy: no')")))
            .isNotInstanceOf(ZeroServerBusyException.class);
    }

    @Test
    void shouldIgnoreErrorKeysWithFalsyValues() {
        Map<String, Object> body = map(ZeroErrors.FUNCTION_NOT_FOUND, "", ZeroErrors.SERVER_EXCEPTION, null,
                ZeroErrors.VALIDATION_ERROR, 0);
        assertThat(read(body)).isEqualTo(body);
        assertThatExceptionOfType(ZeroRemoteException.class)
            .isThrownBy(() -> read(map(ZeroErrors.FUNCTION_NOT_FOUND, false, ZeroErrors.SERVER_EXCEPTION, List.of(1))));
    }

    @Test
    void shouldReturnFailedCodeGenerationAsValue() {
        Map<String, Object> body = map(ZeroErrors.FAILED_TO_GENERATE_CLIENT_CODE, "list index out of range");
        assertThat(read(body)).isEqualTo(body);
    }

    @Test
    void shouldTreatErrorTextOutsideMapsAsValue() {
        assertThat(read(ZeroErrors.SERVER_EXCEPTION)).isEqualTo(ZeroErrors.SERVER_EXCEPTION);
    }

    @Test
    void shouldReportMalformedReply() {
        byte[] frame = ResponseFrame.encode(new byte[16], new byte[] { (byte) 0xc1 });
        assertThatExceptionOfType(ZeroException.class).isThrownBy(() -> reader.read(frame, 16, null, "f", ADDRESS))
            .withMessageStartingWith("f at " + ADDRESS + ": malformed reply");
    }

    @Test
    void shouldFollowPythonTruthiness() {
        assertThat(ReplyReader.isTruthy("x")).isTrue();
        assertThat(ReplyReader.isTruthy(1)).isTrue();
        assertThat(ReplyReader.isTruthy(0.0)).isFalse();
        assertThat(ReplyReader.isTruthy(new byte[0])).isFalse();
        assertThat(ReplyReader.isTruthy(Map.of())).isFalse();
        assertThat(ReplyReader.isTruthy(true)).isTrue();
    }
}
