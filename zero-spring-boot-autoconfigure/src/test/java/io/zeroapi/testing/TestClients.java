package io.zeroapi.testing;

import java.time.Duration;

import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.codec.ZeroCodec;

/**
 * Builds clients on a {@link ZeroConnection} to a loopback port without an application context.
 */
public final class TestClients {

    private TestClients() {
    }

    public static ZeroConnection connect(int port) {
        return new ZeroConnection(() -> "tcp://127.0.0.1:" + port);
    }

    public static DefaultAsyncZeroClient async(ZeroConnection connection, Duration timeout) {
        return new DefaultAsyncZeroClient(connection, new ZeroCodec(), timeout);
    }
}
