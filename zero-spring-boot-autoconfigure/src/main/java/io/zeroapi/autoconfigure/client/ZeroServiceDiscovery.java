package io.zeroapi.autoconfigure.client;

import io.zeroapi.client.ZeroConnection;

/**
 * Keeps the servers of the clients configured with {@code zero.clients.<name>.service-id} up to date with the
 * instances of their service, as service discovery finds them (Spring Cloud's {@code DiscoveryClient}, when on the
 * class path). The auto-configuration defines one; a bean of this type the application defines replaces it.
 */
@FunctionalInterface
public interface ZeroServiceDiscovery {

    /**
     * Starts following the instances of {@link ZeroConnection#service()} for the connection of one client, from now
     * until the connection is closed; the first look-up is done before this returns, so the first calls find the
     * instances known then.
     * @param clientName the name under {@code zero.clients}
     */
    void follow(String clientName, ZeroConnection connection);
}
