package io.zeroapi.bench;

import java.util.List;

import io.zeroapi.bench.load.TargetClient;

/**
 * A server under test: the main class run in its own JVM, how to build its client once its port is known, and
 * the patterns it is measured with.
 *
 * @param id short name used in the table and on the command line
 * @param mainClass main class of the server process
 * @param args arguments of the server process
 * @param clients builds the client side from the server's port
 * @param patterns the patterns measured against this target
 */
public record Target(String id, String mainClass, List<String> args, ClientFactory clients, List<Pattern> patterns) {

    /** Builds the client of a target from the port its server announced. */
    @FunctionalInterface
    public interface ClientFactory {

        /** Opens the client side for a server listening on 127.0.0.1:{@code port}. */
        TargetClient open(int port) throws Exception;

    }

}
