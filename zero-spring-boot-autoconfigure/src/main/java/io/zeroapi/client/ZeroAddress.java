package io.zeroapi.client;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.zeroapi.ZeroException;
import org.jspecify.annotations.Nullable;

/**
 * A Zero server address as configured: {@code tcp://host:port} or {@code host:port}. {@link #check(String)} says
 * what is wrong with a malformed one, so that configuration can fail before the first call; a connection turns the
 * address into a ZeroMQ endpoint ({@code host:port} gets the {@code tcp://} scheme).
 */
public final class ZeroAddress {

    private static final String TCP = "tcp://";

    private static final String EXPECTED = "; expected tcp://host:port or host:port";

    private ZeroAddress() {
    }

    /**
     * Checks a server address.
     * @throws ZeroException naming what is wrong with it (no port, a port out of range, no host, a scheme other than
     * {@code tcp://}, a path) and the form expected
     */
    public static void check(@Nullable String address) {
        normalize(address);
    }

    /**
     * Checks a list of server addresses separated by commas ({@code tcp://a:5559,tcp://b:5559}); one address is a
     * list of one.
     * @throws ZeroException naming what is wrong with the first malformed one
     */
    public static void checkAll(@Nullable String addresses) {
        normalizeAll(addresses);
    }

    /** The addresses of a comma-separated list, each as a ZeroMQ endpoint, duplicates removed, in order. */
    static List<String> normalizeAll(@Nullable String addresses) {
        if (addresses == null || addresses.isBlank()) {
            throw new ZeroException("Zero server address is empty" + EXPECTED);
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String address : addresses.split(",")) {
            normalized.add(normalize(address));
        }
        return List.copyOf(normalized);
    }

    static String normalize(@Nullable String address) {
        if (address == null || address.isBlank()) {
            throw new ZeroException("Zero server address is empty" + EXPECTED);
        }
        String trimmed = address.trim();
        String hostPort = trimmed.startsWith(TCP) ? trimmed.substring(TCP.length()) : trimmed;
        int scheme = hostPort.indexOf("://");
        if (scheme >= 0) {
            throw invalid(address, "has the scheme '" + hostPort.substring(0, scheme + 3)
                    + "', but Zero servers are reached over TCP only");
        }
        if (hostPort.contains("/")) {
            throw invalid(address, "has a path");
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || colon == hostPort.length() - 1) {
            throw invalid(address, "has no port");
        }
        if (colon == 0) {
            throw invalid(address, "has no host");
        }
        String port = hostPort.substring(colon + 1);
        if (!isPort(port)) {
            throw invalid(address, "has the port '" + port + "', which is not a port number (1 to 65535)");
        }
        return TCP + hostPort;
    }

    private static ZeroException invalid(String address, String problem) {
        return new ZeroException("Zero server address '" + address + "' " + problem + EXPECTED);
    }

    private static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port > 0 && port <= 65535;
    }
}
