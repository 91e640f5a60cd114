package io.zeroapi.autoconfigure.discovery;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.client.ServiceInstance;

/**
 * The Zero address of a service instance: its host and the port in its metadata key {@code zero.port}, else its own
 * port. An instance with neither a valid {@code zero.port} nor a port is skipped (logged at DEBUG).
 */
final class ZeroInstanceAddresses {

    /** Metadata key holding the Zero port of a service instance. */
    static final String PORT_KEY = "zero.port";

    private static final Log logger = LogFactory.getLog(ZeroInstanceAddresses.class);

    private ZeroInstanceAddresses() {
    }

    /** The Zero addresses ({@code tcp://host:port}) of the instances, in order. */
    static List<String> of(List<ServiceInstance> instances) {
        List<String> addresses = new ArrayList<>();
        for (ServiceInstance instance : instances) {
            String address = of(instance);
            if (address != null) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    static @Nullable String of(ServiceInstance instance) {
        String host = instance.getHost();
        int port = port(instance);
        if (host == null || host.isBlank() || port <= 0 || port > 65535) {
            logger.debug("Skipping instance " + instance.getInstanceId() + " of " + instance.getServiceId()
                    + ": no host, or no Zero port (metadata " + PORT_KEY + " or the instance port)");
            return null;
        }
        String bracketed = (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
        return "tcp://" + bracketed + ":" + port;
    }

    private static int port(ServiceInstance instance) {
        String zeroPort = (instance.getMetadata() != null) ? instance.getMetadata().get(PORT_KEY) : null;
        if (zeroPort != null && !zeroPort.isBlank()) {
            try {
                return Integer.parseInt(zeroPort.trim());
            }
            catch (NumberFormatException ex) {
                logger.warn("Instance " + instance.getInstanceId() + " of " + instance.getServiceId() + " has "
                        + PORT_KEY + "='" + zeroPort + "', which is not a port: skipped");
                return -1;
            }
        }
        return instance.getPort();
    }
}
