package io.zeroapi.lifecycle;

import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionState;

import org.springframework.context.ApplicationEvent;

/**
 * Published when the connection of a client configured under {@code zero.clients.<name>} changes its state:
 * connecting, connected, lost, closed. Published in order, on a thread of its own (never on the connection's I/O
 * thread), so a listener may take its time without delaying calls.
 */
public class ZeroClientConnectionEvent extends ApplicationEvent {

    private final String clientName;

    private final ZeroConnectionState state;

    public ZeroClientConnectionEvent(ZeroConnection connection, String clientName, ZeroConnectionState state) {
        super(connection);
        this.clientName = clientName;
        this.state = state;
    }

    /** The client's name under {@code zero.clients}. */
    public String getClientName() {
        return clientName;
    }

    /** The connection's new state, with its address and since when. */
    public ZeroConnectionState getState() {
        return state;
    }

    /** The connection. */
    public ZeroConnection getConnection() {
        return (ZeroConnection) getSource();
    }
}
