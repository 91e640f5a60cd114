package io.zeroapi.client;

import io.zeroapi.ZeroException;

/**
 * Normalizes a configured server address to a ZeroMQ endpoint: {@code tcp://host:port} is kept,
 * {@code host:port} gets the {@code tcp://} scheme.
 */
final class ZeroAddress {

    private static final String TCP = "tcp://";

    private ZeroAddress() {
    }

    static String normalize(String address) {
        if (address == null || address.isBlank()) {
            throw new ZeroException("Zero server address is empty; expected tcp://host:port or host:port");
        }
        String trimmed = address.trim();
        String hostPort = trimmed.startsWith(TCP) ? trimmed.substring(TCP.length()) : trimmed;
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || hostPort.contains("/") || !isPort(hostPort.substring(colon + 1))) {
            throw new ZeroException(
                    "Invalid Zero server address '" + address + "'; expected tcp://host:port or host:port");
        }
        return TCP + hostPort;
    }

    private static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port > 0 && port <= 65535;
    }
}
