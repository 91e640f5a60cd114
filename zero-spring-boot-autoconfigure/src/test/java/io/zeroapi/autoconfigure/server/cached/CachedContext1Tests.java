package io.zeroapi.autoconfigure.server.cached;

import io.zeroapi.ZeroClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first user of a cached context with zero.server.port=0 and a client of ${local.zero.server.port}.
 */
@SpringBootTest(classes = CachedContextApplication.class, properties = { "zero.server.port=0",
        "zero.server.address=127.0.0.1", "zero.clients.self.address=tcp://127.0.0.1:${local.zero.server.port}",
        "zero.client.timeout=10s" })
class CachedContext1Tests {

    @Autowired
    private ZeroClient client;

    @Test
    void shouldCallItsOwnServer() {
        assertThat(client.call("greet", "run 1", String.class)).isEqualTo("hello run 1");
    }
}
