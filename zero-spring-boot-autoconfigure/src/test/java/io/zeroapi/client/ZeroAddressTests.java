package io.zeroapi.client;

import io.zeroapi.ZeroException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Addresses accepted for a Zero server.
 */
class ZeroAddressTests {

    @ParameterizedTest
    @CsvSource({ "tcp://127.0.0.1:5559, tcp://127.0.0.1:5559", "localhost:5559, tcp://localhost:5559",
            "' users.internal:1 ', tcp://users.internal:1" })
    void shouldAcceptTcpAddressesWithOrWithoutScheme(String address, String endpoint) {
        assertThat(ZeroAddress.normalize(address)).isEqualTo(endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "localhost:", ":5559", "localhost:http", "localhost:70000", "ipc://x:1",
            "tcp://host:1/path", " " })
    void shouldRejectOtherAddresses(String address) {
        assertThatExceptionOfType(ZeroException.class).isThrownBy(() -> ZeroAddress.normalize(address))
            .withMessageContaining("tcp://host:port or host:port");
    }
}
