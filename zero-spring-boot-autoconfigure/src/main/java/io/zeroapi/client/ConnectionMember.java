package io.zeroapi.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.zeroapi.ZeroConnectionException;
import org.jspecify.annotations.Nullable;

/**
 * One server of a {@link ZeroConnection}: its address, its state, and the transport to it, opened on first use and
 * again after a failure (earlier ones are kept until their thread has ended, so closing waits for them too).
 */
final class ConnectionMember {

    private final String address;

    private final ConnectionStatus status;

    private final boolean keepConnected;

    private final List<ClientTransport> transports = new ArrayList<>();

    private volatile @Nullable ClientTransport current;

    /**
     * @param keepConnected whether its transport connects at once and reconnects after a loss without a call
     */
    ConnectionMember(String address, Consumer<ZeroConnectionState> stateListener, boolean keepConnected) {
        this.address = address;
        this.status = new ConnectionStatus(stateListener);
        this.keepConnected = keepConnected;
    }

    String address() {
        return address;
    }

    ZeroConnectionState state() {
        return status.get();
    }

    /** Whether its transport connects at once and reconnects after a loss without a call. */
    boolean keepsConnected() {
        return keepConnected;
    }

    boolean isConnected() {
        return status.get().status() == ZeroConnectionState.Status.CONNECTED;
    }

    /** Calls pending on its current transport. */
    int pendingCount() {
        ClientTransport transport = current;
        return transport == null ? 0 : transport.calls().size();
    }

    /** The usable transport, opened if there is none or it failed. */
    ClientTransport transport(String name, ZeroConnectionSettings settings, ClientTransport.Protocol protocol) {
        ClientTransport transport = current;
        if (transport != null && transport.isUsable()) {
            return transport;
        }
        synchronized (this) {
            transport = current;
            if (transport != null && transport.isUsable()) {
                return transport;
            }
            transports.removeIf(ClientTransport::isFinished);
            transport = protocol.open(name, address, settings, status, keepConnected);
            transports.add(transport);
            current = transport;
            return transport;
        }
    }

    /**
     * For a member kept connected: opens a new transport if the current one failed (its I/O thread or JeroMQ's
     * died), so the member reconnects without waiting to be chosen for a call.
     */
    void revive(String name, ZeroConnectionSettings settings, ClientTransport.Protocol protocol) {
        ClientTransport transport = current;
        if (keepConnected && transport != null && !transport.isUsable()) {
            transport(name, settings, protocol);
        }
    }

    /** Fails the calls pending on its transports with {@link ZeroConnectionException} saying {@code problem}. */
    void failPending(String problem) {
        List<ClientTransport> open;
        synchronized (this) {
            open = new ArrayList<>(transports);
        }
        for (ClientTransport transport : open) {
            transport.calls().failAll(call -> new ZeroConnectionException(call.rpc, address, problem));
        }
    }

    /** Closes every transport it opened, waiting until {@code deadlineNanos}. */
    void close(long deadlineNanos) {
        status.closed();
        List<ClientTransport> open;
        synchronized (this) {
            open = new ArrayList<>(transports);
            current = null;
        }
        for (ClientTransport transport : open) {
            transport.close(deadlineNanos);
        }
    }
}
