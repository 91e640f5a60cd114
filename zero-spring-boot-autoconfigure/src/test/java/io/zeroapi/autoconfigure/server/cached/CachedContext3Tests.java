package io.zeroapi.autoconfigure.server.cached;

import io.zeroapi.ZeroClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resumes the context of CachedContext1Tests after Spring paused it for CachedContext2Tests: its Zero server restarts on the same port, so the client (address resolved on its first call) still reaches it.
 */
@SpringBootTest(classes = CachedContextApplication.class, properties = { "zero.server.port=0",
        "zero.server.address=127.0.0.1", "zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}",
        "zero.client.timeout=10s" })
class CachedContext3Tests {

    @Autowired
    private ZeroClient client;

    @Test
    void shouldCallItsOwnServer() {
        assertThat(client.call("greet", "run 3", String.class)).isEqualTo("hello run 3");
    }
}
