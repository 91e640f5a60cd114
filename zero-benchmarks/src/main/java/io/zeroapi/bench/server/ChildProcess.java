package io.zeroapi.bench.server;

import java.io.IOException;

/**
 * What every benchmark server process does besides serving: it tells the orchestrator its port on standard
 * output and halts as soon as its standard input closes, so no server outlives the orchestrator.
 */
public final class ChildProcess {

    /** Prefix of the line that carries the port a server listens on. */
    public static final String PORT_MARKER = "ZERO-BENCH-PORT ";

    private ChildProcess() {
    }

    /**
     * Starts a daemon thread that halts this JVM when standard input reaches end of file, which happens when
     * the orchestrator exits, however it exits.
     */
    public static void exitWhenParentExits() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the orchestrator never writes; end of file means it is gone
                }
            }
            catch (IOException ex) {
                // treated as end of file
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Publishes the listening port to the orchestrator. */
    public static void announcePort(int port) {
        System.out.println(PORT_MARKER + port);
        System.out.flush();
    }

    /** Parses the port out of a {@code tcp://host:port} endpoint. */
    public static int portOf(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

}
