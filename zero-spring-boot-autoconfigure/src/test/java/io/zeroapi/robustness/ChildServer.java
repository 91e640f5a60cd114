package io.zeroapi.robustness;

import java.io.IOException;

import io.zeroapi.server.WorkerPools;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.TestServers;

/**
 * A Zero server in a child JVM, for tests that need a process of its own (a lower file descriptor limit, a kill):
 * serves {@link RobustFunctions} on a free loopback port, prints {@code PORT <n>}, and exits when its standard input
 * closes.
 */
public final class ChildServer {

    private ChildServer() {
    }

    public static void main(String[] args) throws IOException {
        ZeroServer server = TestServers.start(new RobustFunctions(), WorkerPools.fixed(2, Thread::new), 4 * 1024 * 1024,
                10_000);
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our standard input
        }
        server.close();
        System.exit(0);
    }
}
