package io.zeroapi.autoconfigure.client;

import io.zeroapi.client.ZeroConnection;

/**
 * Changes the connection of a client configured under {@code zero.clients.<name>} before it is built, e.g. its
 * settings beyond the properties. Every bean of this type is applied to every client, in order ({@code @Order} or
 * {@code Ordered}), after the properties, when the client's connection is first needed; check
 * {@code clientName} to change one client only.
 */
@FunctionalInterface
public interface ZeroClientCustomizer {

    /**
     * Customizes the builder of one client's connection.
     * @param clientName the name under {@code zero.clients} (e.g. {@code users})
     */
    void customize(String clientName, ZeroConnection.Builder builder);
}
