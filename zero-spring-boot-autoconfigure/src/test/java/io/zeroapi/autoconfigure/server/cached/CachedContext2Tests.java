package io.zeroapi.autoconfigure.server.cached;

import io.zeroapi.ZeroClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second context: while it runs, Spring pauses the first one (stopping its Zero server).
 */
@SpringBootTest(classes = CachedContextApplication.class, properties = { "zero.server.port=0",
        "zero.server.address=127.0.0.1", "zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}",
        "zero.client.timeout=10s", "spring.application.name=other-context" })
class CachedContext2Tests {

    @Autowired
    private ZeroClient client;

    @Test
    void shouldCallItsOwnServer() {
        assertThat(client.call("greet", "run 2", String.class)).isEqualTo("hello run 2");
    }
}
