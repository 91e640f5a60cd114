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

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "http://host:1 | Zero server address 'http://host:1' has the scheme 'http://', but Zero servers are "
                    + "reached over TCP only; expected tcp://host:port or host:port",
            "ipc://x | Zero server address 'ipc://x' has the scheme 'ipc://', but Zero servers are reached over TCP "
                    + "only; expected tcp://host:port or host:port",
            "host | Zero server address 'host' has no port; expected tcp://host:port or host:port",
            "tcp://host: | Zero server address 'tcp://host:' has no port; expected tcp://host:port or host:port",
            "host:99999 | Zero server address 'host:99999' has the port '99999', which is not a port number "
                    + "(1 to 65535); expected tcp://host:port or host:port",
            "tcp://:5559 | Zero server address 'tcp://:5559' has no host; expected tcp://host:port or host:port",
            "tcp://host:1/users | Zero server address 'tcp://host:1/users' has a path; expected tcp://host:port or "
                    + "host:port" })
    void shouldSayWhatIsWrongWithAMalformedAddress(String address, String message) {
        assertThatExceptionOfType(ZeroException.class).isThrownBy(() -> ZeroAddress.check(address))
            .withMessage(message);
    }
}
