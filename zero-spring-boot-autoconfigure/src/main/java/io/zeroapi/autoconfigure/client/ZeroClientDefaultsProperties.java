package io.zeroapi.autoconfigure.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every Zero client ({@code zero.client.*}); each client may override them under
 * {@code zero.clients.<name>.*}.
 *
 * @param timeout Time a call waits for its reply unless its client or the call itself sets another timeout
 * (Zero 1.0's default is 5 seconds).
 * @param maxReplySize Largest reply a client accepts unless it sets its own limit; ZeroMQ closes the connection on a
 * larger reply, which fails the calls sent on it at once. -1 for no limit.
 * @param maxRequestSize Largest request a client sends unless it sets its own limit (the server's default inbound
 * limit); a larger call fails at once instead of being dropped by the server. -1 for no limit.
 * @param heartbeat ZMTP heartbeats every client sends to its server unless it sets its own.
 */
@ConfigurationProperties(prefix = "zero.client", ignoreUnknownFields = false)
public record ZeroClientDefaultsProperties(@DefaultValue("5s") Duration timeout,
        @DefaultValue("4MB") DataSize maxReplySize, @DefaultValue("4MB") DataSize maxRequestSize,
        @DefaultValue Heartbeat heartbeat) {

    /**
     * ZMTP heartbeats a client sends to its server, so a server that died or became unreachable is noticed: the calls
     * sent to it fail at once with ZeroConnectionException instead of after their timeout.
     *
     * @param interval Interval between heartbeats; 0 disables them.
     * @param timeout Time the server may leave a heartbeat unanswered before the connection counts as lost.
     */
    public record Heartbeat(@DefaultValue("5s") Duration interval, @DefaultValue("15s") Duration timeout) {
    }
}
