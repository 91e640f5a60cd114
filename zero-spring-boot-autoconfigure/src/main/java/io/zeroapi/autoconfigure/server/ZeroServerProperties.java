package io.zeroapi.autoconfigure.server;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Zero server ({@code zero.server.*}).
 *
 * @param enabled Whether to serve @ZeroRpc methods over ZeroMQ.
 * @param address Network address to bind, '*' for all interfaces.
 * @param port TCP port to bind; 0 picks a free port, published as 'local.zero.server.port'.
 * @param workers Number of worker threads running plain (blocking) @ZeroRpc methods; 0 means the number of
 * available processors. Unused with virtual threads (spring.threads.virtual.enabled=true).
 * @param maxInFlight Maximum number of calls in progress at once; further calls are refused at once with "server busy".
 * @param shutdown Graceful shutdown settings.
 * @param inbound Inbound message settings.
 */
@ConfigurationProperties("zero.server")
public record ZeroServerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("*") String address,
        @DefaultValue("5559") int port, @DefaultValue("0") int workers, @DefaultValue("10000") int maxInFlight,
        @DefaultValue Shutdown shutdown, @DefaultValue Inbound inbound) {

    /** Worker threads to use: {@link #workers()}, or the number of available processors when 0 or less. */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Graceful shutdown settings.
     *
     * @param gracePeriod Time calls in flight get to finish when the server stops; 0 closes at once, a negative
     * value waits for every call. Capped by spring.lifecycle.timeout-per-shutdown-phase.
     */
    public record Shutdown(@DefaultValue("30s") Duration gracePeriod) {
    }

    /**
     * Inbound message settings.
     *
     * @param message Inbound message limits.
     */
    public record Inbound(@DefaultValue Message message) {
    }

    /**
     * Inbound message limits.
     *
     * @param maxSize Maximum size of a request message (enforced by ZeroMQ, which drops the connection of a
     * peer sending more); -1 for no limit.
     */
    public record Message(@DefaultValue("4MB") DataSize maxSize) {
    }
}
