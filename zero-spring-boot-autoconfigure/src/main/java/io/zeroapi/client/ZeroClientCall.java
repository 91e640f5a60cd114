package io.zeroapi.client;

/**
 * One call as a {@link ZeroClientCallListener} sees it.
 *
 * @param function the function called
 * @param address the server's address, e.g. {@code tcp://users:5559}
 */
public record ZeroClientCall(String function, String address) {
}
