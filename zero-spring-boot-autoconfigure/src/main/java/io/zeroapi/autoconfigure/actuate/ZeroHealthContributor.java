package io.zeroapi.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.zeroapi.server.ZeroServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * The {@code zero} health contributor: {@code server} (present while the application serves {@code @ZeroRpc}
 * functions) and {@code clients}, with one entry per client name.
 */
final class ZeroHealthContributor implements CompositeHealthContributor {

    static final String SERVER = "server";

    static final String CLIENTS = "clients";

    private final @Nullable ZeroServer server;

    private final @Nullable HealthContributor serverHealth;

    private final @Nullable HealthContributor clientsHealth;

    ZeroHealthContributor(@Nullable ZeroServer server, ZeroClientConnections clients) {
        this.server = server;
        this.serverHealth = server != null ? new ZeroServerHealthIndicator(server) : null;
        if (clients.isEmpty()) {
            this.clientsHealth = null;
        }
        else {
            Map<String, HealthContributor> byName = new LinkedHashMap<>();
            clients.clients().forEach(client -> byName.put(client.name(), new ZeroClientHealthIndicator(client)));
            this.clientsHealth = CompositeHealthContributor.fromMap(byName);
        }
    }

    @Override
    public @Nullable HealthContributor getContributor(String name) {
        return switch (name) {
            case SERVER -> serves() ? serverHealth : null;
            case CLIENTS -> clientsHealth;
            default -> null;
        };
    }

    @Override
    public Stream<Entry> stream() {
        Stream<Entry> server = serves() ? Stream.of(new Entry(SERVER, serverHealth)) : Stream.empty();
        Stream<Entry> clients = clientsHealth != null ? Stream.of(new Entry(CLIENTS, clientsHealth)) : Stream.empty();
        return Stream.concat(server, clients);
    }

    /** Whether there is a server with functions to serve (without any, it never binds a socket). */
    private boolean serves() {
        return server != null && !server.endpoints().isEmpty();
    }
}
