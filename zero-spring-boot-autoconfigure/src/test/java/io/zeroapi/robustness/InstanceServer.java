package io.zeroapi.robustness;

import java.io.IOException;
import java.util.concurrent.Executors;

import io.zeroapi.server.ZeroServer;
import io.zeroapi.testing.NamedFunctions;
import io.zeroapi.testing.TestServers;

/**
 * One instance of a service in a child JVM, for tests that kill it: serves {@code name} (answering the instance's
 * name, its first argument) on 127.0.0.1 at the port of its second argument (0 for a free one), prints
 * {@code PORT <n>}, and exits when its standard input closes.
 */
public final class InstanceServer {

    private InstanceServer() {
    }

    public static void main(String[] args) throws IOException {
        ZeroServer server = TestServers.start(new NamedFunctions(args[0]), Executors.newFixedThreadPool(2),
                Integer.parseInt(args[1]), 4 * 1024 * 1024, 10_000);
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our standard input
        }
        server.close();
        System.exit(0);
    }
}
