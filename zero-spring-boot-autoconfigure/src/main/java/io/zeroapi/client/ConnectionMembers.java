package io.zeroapi.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The servers of a {@link ZeroConnection}: the members calls may be sent to, and the ones being drained after they
 * were removed. An update keeps the members whose address stays, opens a kept-connected member for each new address,
 * and drains the removed ones: they get no new call, and each is closed once its pending calls have ended (answered,
 * timed out or failed), at the latest after {@link #DRAIN_LIMIT}, when the calls still pending on it fail with
 * {@link io.zeroapi.ZeroConnectionException} saying the server was removed. The pending calls are checked on the
 * client timer; a drained member is closed on a short-lived daemon thread of its own, so neither the caller of an
 * update nor the timer waits for its I/O thread to end. Thread-safe.
 */
final class ConnectionMembers {

    /** Longest a removed server is kept for the calls pending on it. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private static final Duration DRAIN_CHECK = Duration.ofMillis(100);

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    private final String name;

    private final ZeroConnectionSettings settings;

    private final ClientTransport.Protocol protocol;

    private final Consumer<ZeroConnectionState> stateListener;

    /** The members calls may go to; {@code null} until first set. */
    private volatile @Nullable List<ConnectionMember> active;

    private final List<ConnectionMember> draining = new ArrayList<>();

    private boolean closed;

    ConnectionMembers(String name, ZeroConnectionSettings settings, ClientTransport.Protocol protocol,
            Consumer<ZeroConnectionState> stateListener) {
        this.name = name;
        this.settings = settings;
        this.protocol = protocol;
        this.stateListener = stateListener;
    }

    /** The members calls may go to, or {@code null} before the first {@link #set} or {@link #update}. */
    @Nullable List<ConnectionMember> active() {
        return active;
    }

    /**
     * Sets the members of a connection resolved from its configured addresses: one address connects on its first
     * call, several are all connected at once and kept connected.
     */
    synchronized void set(List<String> addresses) {
        boolean several = addresses.size() > 1;
        List<ConnectionMember> made = new ArrayList<>();
        for (String server : addresses) {
            made.add(new ConnectionMember(server, stateListener, several));
        }
        active = List.copyOf(made);
        if (several && !closed) {
            made.forEach(member -> member.transport(name, settings, protocol));
        }
    }

    /**
     * Replaces the members by the servers at {@code addresses} (ZeroMQ endpoints, without duplicates), all kept
     * connected: a member whose address stays is kept, a new address gets a member that connects at once, and the
     * members removed are drained.
     * @return whether the members changed
     */
    synchronized boolean update(List<String> addresses) {
        if (closed) {
            return false;
        }
        List<ConnectionMember> current = active;
        Map<String, ConnectionMember> kept = new LinkedHashMap<>();
        if (current != null) {
            current.forEach(member -> kept.put(member.address(), member));
        }
        List<ConnectionMember> next = new ArrayList<>();
        boolean changed = current == null || current.size() != addresses.size();
        for (String address : addresses) {
            ConnectionMember member = kept.get(address);
            if (member != null && member.keepsConnected()) {
                kept.remove(address);
            }
            else {
                member = new ConnectionMember(address, stateListener, true);
                member.transport(name, settings, protocol);
                changed = true;
            }
            next.add(member);
        }
        active = List.copyOf(next);
        kept.values().forEach(this::drain);
        return changed || !kept.isEmpty();
    }

    private void drain(ConnectionMember member) {
        logger.info(name + ": Zero server " + member.address() + " removed; draining its " + member.pendingCount()
                + " pending call(s)");
        draining.add(member);
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        CallTimer.schedule(() -> checkDrained(member, deadline), Duration.ZERO);
    }

    private void checkDrained(ConnectionMember member, long deadlineNanos) {
        synchronized (this) {
            if (closed || !draining.contains(member)) {
                return;
            }
            boolean overdue = System.nanoTime() - deadlineNanos >= 0;
            if (member.pendingCount() > 0 && !overdue) {
                CallTimer.schedule(() -> checkDrained(member, deadlineNanos), DRAIN_CHECK);
                return;
            }
            draining.remove(member);
        }
        Thread closer = new Thread(() -> {
            member.failPending("server removed from the client's servers before the reply");
            member.close(System.nanoTime() + ZmqClientTransport.CLOSE_TIMEOUT.toNanos());
            logger.debug(name + ": Zero server " + member.address() + " drained and closed");
        }, name + "-drained");
        closer.setDaemon(true);
        closer.start();
    }

    /** Number of removed members still draining. */
    synchronized int drainingCount() {
        return draining.size();
    }

    /** Closes every member, active and draining, waiting until {@code deadlineNanos}. */
    void close(long deadlineNanos) {
        List<ConnectionMember> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            List<ConnectionMember> current = active;
            if (current != null) {
                all.addAll(current);
            }
            all.addAll(draining);
            draining.clear();
        }
        for (ConnectionMember member : all) {
            member.close(deadlineNanos);
        }
    }
}
