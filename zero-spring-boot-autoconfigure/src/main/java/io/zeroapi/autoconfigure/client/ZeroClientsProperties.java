package io.zeroapi.autoconfigure.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zeroapi.client.ClientProtocol;
import io.zeroapi.client.LoadBalancing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The named Zero clients of the application ({@code zero.clients.<name>.*}); each name gets a
 * {@code ZeroClient}, an {@code AsyncZeroClient} and, with Reactor, a {@code ReactiveZeroClient} bean
 * qualified by that name.
 *
 * @param clients Named clients, each under zero.clients.NAME (NAME qualifies its beans): address, the address of its
 * server, tcp://host:port or host:port, or several (a list, or separated by commas), or instead service-id, the
 * service whose instances Spring Cloud service discovery finds; load-balancing (round-robin or least-pending) and
 * retry-on-connection-loss for several servers; protocol (zeromq, the default, or tcp for Zero 1.0's TCP protocol,
 * with tcp.connections, default 2); optional overrides of zero.client.*:
 * timeout, max-reply-size, max-request-size, heartbeat.interval and heartbeat.timeout; and health.required (whether
 * the application is DOWN while the client is not connected, default false).
 */
@ConfigurationProperties("zero")
public record ZeroClientsProperties(Map<String, Client> clients) {

    public ZeroClientsProperties {
        clients = (clients != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(clients)) : Map.of();
    }

    /**
     * One named client.
     *
     * @param address Address of the server: {@code tcp://host:port} or {@code host:port}; several (a YAML list, or
     * separated by commas) for several instances of one service, over which calls are spread; may hold placeholders
     * resolved on the first call, such as {@code ${local.zero.server.port}}. Either this or {@code service-id}.
     * @param serviceId Service whose instances are the servers, found through Spring Cloud service discovery (its
     * DiscoveryClient, or Spring Cloud LoadBalancer's ServiceInstanceListSupplier when present) and followed as they
     * come and go; each instance's Zero port is its metadata key zero.port, else its port. Either this or
     * {@code address}.
     * @param timeout Time a call of this client waits for its reply unless the call sets its own timeout;
     * falls back to {@code zero.client.timeout}.
     * @param maxReplySize Largest reply this client accepts; ZeroMQ closes the connection on a larger reply, which
     * fails the calls sent on it at once; -1 for no limit; falls back to {@code zero.client.max-reply-size}.
     * @param maxRequestSize Largest request this client sends; a larger call fails at once; -1 for no limit; falls
     * back to {@code zero.client.max-request-size}.
     * @param heartbeat ZMTP heartbeats of this client; each value falls back to {@code zero.client.heartbeat.*}.
     * @param health How this client counts in the application's health ({@code health.required}).
     * @param loadBalancing How calls are spread over several addresses: round-robin (the default) or least-pending.
     * @param retryOnConnectionLoss Whether a call whose connection broke after it was sent is retried once (on
     * another server, with several addresses); only for functions that may run twice. Default false.
     * @param protocol Wire protocol to the server: zeromq (the default, as in Python Zero) or tcp (Zero 1.0's TCP
     * protocol, for servers started with protocol=TCPServer or zero.server.tcp.enabled=true).
     * @param tcp Settings of the tcp protocol.
     */
    public record Client(List<String> address, String serviceId, Duration timeout, DataSize maxReplySize,
            DataSize maxRequestSize, Heartbeat heartbeat, ClientHealth health, LoadBalancing loadBalancing,
            Boolean retryOnConnectionLoss, ClientProtocol protocol, TcpClient tcp) {
    }

    /**
     * Settings of one client's tcp protocol.
     *
     * @param connections Number of TCP connections to each server, each carrying any number of calls at once;
     * default 2.
     */
    public record TcpClient(Integer connections) {
    }

    /**
     * How one client counts in the application's health.
     *
     * @param required Whether the application is DOWN while this client is not connected (default false: the client
     * shows its state, UP, without making the application DOWN).
     */
    public record ClientHealth(Boolean required) {
    }

    /**
     * ZMTP heartbeats of one client.
     *
     * @param interval Interval between heartbeats; 0 disables them.
     * @param timeout Time the server may leave a heartbeat unanswered before the connection counts as lost.
     */
    public record Heartbeat(Duration interval, Duration timeout) {
    }
}
