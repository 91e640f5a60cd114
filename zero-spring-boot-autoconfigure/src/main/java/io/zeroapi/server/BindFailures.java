package io.zeroapi.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Tells why a bind failed: JeroMQ 0.6.0 reports every bind failure as {@code EADDRINUSE}, so the same bind is tried
 * with a plain {@link ServerSocket} and the system's own answer decides between "port in use" and the real reason
 * (address not available, unknown host, permission denied).
 */
final class BindFailures {

    private BindFailures() {
    }

    /** The exception that describes the failed bind of {@code address}:{@code port} ({@code *} for all). */
    static RuntimeException explain(String address, int port, RuntimeException reported) {
        return explain(address, port, false, reported);
    }

    /**
     * The exception that describes the failed bind of {@code address}:{@code port}.
     * @param tcp whether the port is that of Zero's TCP protocol
     */
    static RuntimeException explain(String address, int port, boolean tcp, Exception reported) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(socketAddress(address, port));
        }
        catch (BindException ex) {
            String message = String.valueOf(ex.getMessage());
            if (message.contains("in use")) {
                return new ZeroServerPortInUseException(port, tcp, ex);
            }
            return new ZeroServerBindException(address, port, ex);
        }
        catch (IOException ex) {
            return new ZeroServerBindException(address, port, ex);
        }
        return new ZeroServerPortInUseException(port, tcp, reported);
    }

    private static InetSocketAddress socketAddress(String address, int port) throws IOException {
        if ("*".equals(address)) {
            return new InetSocketAddress(port);
        }
        return new InetSocketAddress(InetAddress.getByName(address), port);
    }
}
