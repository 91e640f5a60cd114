package io.zeroapi.autoconfigure.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zeroapi.ZeroException;
import io.zeroapi.autoconfigure.client.ZeroServiceDiscovery;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps the servers of the clients with a {@code service-id} up to date with the instances discovery finds: looks them
 * up when a client is created, then every {@code zero.discovery.refresh-interval} and on each Spring Cloud
 * {@link HeartbeatEvent} (a registry saying something changed), on one daemon thread ({@code zero-discovery}), and
 * hands each list to {@link ZeroConnection#updateAddresses}. A failed look-up keeps the servers known before (a
 * registry that is briefly unreachable does not empty every client); a closed connection is no longer followed.
 */
final class DiscoveredServers implements ZeroServiceDiscovery, ApplicationListener<HeartbeatEvent>, DisposableBean {

    private static final Log logger = LogFactory.getLog(DiscoveredServers.class);

    private final ServiceInstanceLookup lookup;

    private final Duration refreshInterval;

    private final Map<String, Followed> followed = new ConcurrentHashMap<>();

    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    private @Nullable ScheduledThreadPoolExecutor refresher;

    private boolean destroyed;

    DiscoveredServers(ServiceInstanceLookup lookup, Duration refreshInterval) {
        this.lookup = lookup;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public void follow(String clientName, ZeroConnection connection) {
        String serviceId = connection.service();
        if (serviceId == null) {
            throw new IllegalArgumentException("Zero client '" + clientName + "' has no service to follow");
        }
        Followed client = new Followed(clientName, serviceId, connection);
        followed.put(clientName, client);
        refresh(client);
        startRefreshing();
    }

    /** A registry announced a change: looks every followed service up again, soon, on the refresh thread. */
    @Override
    public void onApplicationEvent(HeartbeatEvent event) {
        ScheduledThreadPoolExecutor executor = executor();
        if (executor != null && refreshQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                refreshQueued.set(false);
                refreshAll();
            });
        }
    }

    private synchronized @Nullable ScheduledThreadPoolExecutor executor() {
        return refresher;
    }

    private synchronized void startRefreshing() {
        if (refresher != null || destroyed) {
            return;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "zero-discovery");
            thread.setDaemon(true);
            return thread;
        });
        if (refreshInterval.compareTo(Duration.ZERO) > 0) {
            long interval = refreshInterval.toNanos();
            executor.scheduleWithFixedDelay(this::refreshAll, interval, interval, TimeUnit.NANOSECONDS);
        }
        refresher = executor;
    }

    private void refreshAll() {
        followed.values().forEach(this::refresh);
    }

    private void refresh(Followed client) {
        if (client.connection.state().status() == ZeroConnectionState.Status.CLOSED) {
            followed.remove(client.name, client);
            return;
        }
        List<ServiceInstance> instances;
        try {
            instances = lookup.instances(client.serviceId);
        }
        catch (RuntimeException ex) {
            if (client.failing.compareAndSet(false, true)) {
                logger.warn("Zero client '" + client.name + "' cannot look up the instances of service '"
                        + client.serviceId + "' (keeping the " + client.connection.states().size()
                        + " known): " + ex);
            }
            return;
        }
        if (client.failing.compareAndSet(true, false)) {
            logger.info("Zero client '" + client.name + "' looks up service '" + client.serviceId + "' again");
        }
        List<String> addresses = ZeroInstanceAddresses.of(instances);
        try {
            if (client.connection.updateAddresses(addresses)) {
                logger.info("Zero client '" + client.name + "': service '" + client.serviceId + "' has "
                        + addresses.size() + " instance(s)" + (addresses.isEmpty() ? "" : ": " + addresses));
            }
        }
        catch (ZeroException ex) {
            logger.warn("Zero client '" + client.name + "': instances of service '" + client.serviceId
                    + "' not taken: " + ex.getMessage());
        }
    }

    @Override
    public synchronized void destroy() {
        destroyed = true;
        followed.clear();
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    /** A client following the instances of its service. */
    private record Followed(String name, String serviceId, ZeroConnection connection, AtomicBoolean failing) {

        Followed(String name, String serviceId, ZeroConnection connection) {
            this(name, serviceId, connection, new AtomicBoolean());
        }
    }
}
