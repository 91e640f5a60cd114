package io.zeroapi.bench.server;

import java.io.IOException;

/**
 * What every benchmark server process does besides serving: it tells the orchestrator its port on standard
 * output and exits as soon as its standard input closes (shutdown hooks
 * such as a JFR dump get 10 s, then it halts), so no server outlives the orchestrator.
 */
public final class ChildProcess {

    /** Prefix of the line that carries the port a server listens on. */
    public static final String PORT_MARKER = "ZERO-BENCH-PORT ";

    private static final long EXIT_GRACE_MILLIS = 10_000;

    private ChildProcess() {
    }

    /**
     * Starts a daemon thread that exits this JVM when standard input reaches end of file, which happens when
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
            exitWithinGrace();
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void exitWithinGrace() {
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "exit-grace");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
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
