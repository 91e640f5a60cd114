package io.zeroapi.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zeroapi.server.ZeroServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code zero} to {@code /actuator/info}: the number of functions served and the names of the clients.
 */
final class ZeroInfoContributor implements InfoContributor {

    private final @Nullable ZeroServer server;

    private final ZeroClientConnections clients;

    ZeroInfoContributor(@Nullable ZeroServer server, ZeroClientConnections clients) {
        this.server = server;
        this.clients = clients;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> zero = new LinkedHashMap<>();
        zero.put("functions", server != null ? server.endpoints().size() : 0);
        zero.put("clients", clients.clients().stream().map(ZeroClientConnections.Client::name).toList());
        builder.withDetail("zero", zero);
    }
}
