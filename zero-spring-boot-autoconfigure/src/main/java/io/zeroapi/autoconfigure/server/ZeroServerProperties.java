package io.zeroapi.autoconfigure.server;

import java.time.Duration;

import io.zeroapi.server.ZeroServerSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Zero server ({@code zero.server.*}).
 *
 * @param enabled Whether to serve @ZeroRpc methods (over ZeroMQ and, with zero.server.tcp.enabled, Zero's TCP
 * protocol).
 * @param address Network address to bind, '*' for all interfaces.
 * @param port TCP port to bind; 0 picks a free port, published as 'local.zero.server.port'.
 * @param workers Number of worker threads running plain (blocking) @ZeroRpc methods; 0 means the number of
 * available processors. Unused with virtual threads (spring.threads.virtual.enabled=true).
 * @param maxInFlight Maximum number of calls in progress at once; further calls are refused at once with "server busy".
 * @param maxInFlightPerPeer Maximum number of calls in progress (or with their reply unread) from one connection;
 * further calls from it are refused with "server busy", so one caller cannot take every slot.
 * @param callTimeout Time a call may take before it is answered with a server exception, its slot freed and its
 * worker interrupted (or its asynchronous result cancelled); 0 or a negative value means no limit.
 * @param backlog Listen backlog of the server's TCP socket (connections waiting to be accepted).
 * @param highWaterMark Messages ZeroMQ queues for one connection in each direction (its high-water mark), so at most
 * this many times inbound.message.max-size of requests and outbound.message.max-size of replies; lower it on servers
 * open to untrusted peers, raise it for more than 128 pipelined calls per connection.
 * @param peerBufferBudget Memory the server itself holds for one connection: its calls in flight may hold this many
 * bytes of requests (further calls are refused with "server busy"), and replies it leaves unread beyond this many
 * bytes are dropped.
 * @param stopApplicationOnFailure Whether to close the application context when the server fails for good (its
 * transport died and could not be rebuilt), rather than keep running without serving.
 * @param shutdown Graceful shutdown settings.
 * @param inbound Inbound message settings.
 * @param outbound Outbound message settings.
 * @param heartbeat ZMTP heartbeat settings.
 * @param zeromq ZeroMQ protocol settings.
 * @param tcp Zero 1.0's TCP protocol settings.
 */
@ConfigurationProperties(prefix = "zero.server", ignoreUnknownFields = false)
public record ZeroServerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("*") String address,
        @DefaultValue("5559") int port, @DefaultValue("0") int workers, @DefaultValue("10000") int maxInFlight,
        @DefaultValue("1000") int maxInFlightPerPeer, @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("1024") int backlog, @DefaultValue("128") int highWaterMark,
        @DefaultValue("64MB") DataSize peerBufferBudget,
        @DefaultValue("true") boolean stopApplicationOnFailure, @DefaultValue Shutdown shutdown,
        @DefaultValue Inbound inbound, @DefaultValue Outbound outbound, @DefaultValue Heartbeat heartbeat,
        @DefaultValue Zeromq zeromq, @DefaultValue Tcp tcp) {

    /** Worker threads to use: {@link #workers()}, or the number of available processors when 0 or less. */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /** The runtime settings these properties describe. */
    public ZeroServerSettings toSettings() {
        return new ZeroServerSettings(address, port, inbound.message().maxSize().toBytes(),
                outbound.message().maxSize().toBytes(), maxInFlight, maxInFlightPerPeer, callTimeout, backlog,
                heartbeat.interval(), heartbeat.timeout(), highWaterMark, peerBufferBudget.toBytes());
    }

    /**
     * ZeroMQ protocol settings.
     *
     * @param enabled Whether to serve @ZeroRpc methods over ZeroMQ on zero.server.port; false serves Zero's TCP
     * protocol alone (zero.server.tcp.enabled=true).
     */
    public record Zeromq(@DefaultValue("true") boolean enabled) {
    }

    /**
     * Zero 1.0's TCP protocol settings (Python: ZeroServer(protocol=TCPServer)).
     *
     * @param enabled Whether to serve @ZeroRpc methods over Zero 1.0's TCP protocol too, on zero.server.tcp.port.
     * @param port TCP port of Zero's TCP protocol; 0 picks a free port, published as 'local.zero.server.tcp.port'.
     */
    public record Tcp(@DefaultValue("false") boolean enabled, @DefaultValue("5560") int port) {

        public Tcp {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("zero.server.tcp.port must be between 0 and 65535, got " + port);
            }
        }
    }

    /**
     * Graceful shutdown settings.
     *
     * @param gracePeriod Time calls in flight get to finish when the server stops; 0 closes at once, a negative
     * value waits for every call. Calls still in flight after it are answered "server is shutting down". Capped by
     * spring.lifecycle.timeout-per-shutdown-phase.
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
     * Outbound message settings.
     *
     * @param message Outbound message limits.
     */
    public record Outbound(@DefaultValue OutboundMessage message) {
    }

    /**
     * Inbound message limits.
     *
     * @param maxSize Maximum size of a request message (enforced by ZeroMQ, which drops the connection of a
     * peer sending more); -1 for no limit.
     */
    public record Message(@DefaultValue("4MB") DataSize maxSize) {
    }

    /**
     * Outbound message limits.
     *
     * @param maxSize Maximum size of a reply; a handler result over it is answered with a server exception
     * instead. -1 for no limit.
     */
    public record OutboundMessage(@DefaultValue("4MB") DataSize maxSize) {
    }

    /**
     * ZMTP heartbeats the server sends to every connected peer, so dead peers are noticed and their connections
     * closed.
     *
     * @param interval Interval between heartbeats; 0 disables them.
     * @param timeout Time a peer may leave a heartbeat unanswered before its connection is closed.
     */
    public record Heartbeat(@DefaultValue("10s") Duration interval, @DefaultValue("30s") Duration timeout) {
    }
}
