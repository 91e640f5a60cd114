package io.zeroapi.bench;

import java.util.List;

import io.zeroapi.bench.load.TargetClient;

/**
 * A server under test: how its servers come up (started here in their own JVMs, or already running elsewhere), how
 * to build its client once their addresses are known, and the patterns it is measured with.
 *
 * @param id short name used in the table and on the command line
 * @param servers the servers the client talks to
 * @param clients builds the client side from the servers' addresses
 * @param patterns the patterns measured against this target
 */
public record Target(String id, Servers servers, ClientFactory clients, List<Pattern> patterns) {

    /** A target with one server, {@code mainClass} with {@code args}, started in its own JVM. */
    public Target(String id, String mainClass, List<String> args, ClientFactory clients, List<Pattern> patterns) {
        this(id, new Servers.Started(mainClass, args, 1), clients, patterns);
    }

    /** Whether this target's servers were started by the benchmark, rather than found running. */
    public boolean isExternal() {
        return servers instanceof Servers.External;
    }

    /** Where the client of a target finds its servers. */
    public sealed interface Servers {

        /**
         * {@code instances} servers, each {@code mainClass} with {@code args} in its own JVM on 127.0.0.1 and a free
         * port it announces.
         */
        record Started(String mainClass, List<String> args, int instances) implements Servers {
        }

        /** Servers the benchmark did not start, at {@code addresses} ({@code tcp://host:port} each). */
        record External(List<String> addresses) implements Servers {
        }

    }

    /** Builds the client of a target from the addresses of its servers. */
    @FunctionalInterface
    public interface ClientFactory {

        /**
         * Opens the client side for the servers at {@code addresses}, {@code tcp://host:port} each (one for most
         * targets; a client that spreads calls over several servers gets them all).
         */
        TargetClient open(List<String> addresses) throws Exception;

    }

}
