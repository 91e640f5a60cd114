package io.zeroapi.autoconfigure.server;

import io.zeroapi.server.ZeroServer;

/**
 * Changes the auto-configured {@link ZeroServer} before it is built, e.g. its settings beyond
 * {@code zero.server.*} or its codec. Every bean of this type is applied, in order ({@code @Order} or
 * {@code Ordered}), after the properties.
 */
@FunctionalInterface
public interface ZeroServerCustomizer {

    /** Customizes the builder of the server; called once, before the server is built. */
    void customize(ZeroServer.Builder builder);
}
