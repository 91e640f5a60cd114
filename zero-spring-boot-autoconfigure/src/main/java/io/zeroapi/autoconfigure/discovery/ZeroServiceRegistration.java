package io.zeroapi.autoconfigure.discovery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zeroapi.lifecycle.ZeroServerStartedEvent;
import io.zeroapi.lifecycle.ZeroServerStoppingEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Registers the Zero server through Spring Cloud's {@link ServiceRegistry} and the application's
 * {@link Registration}, with the server's port in the metadata key {@code zero.port}:
 * <ul>
 * <li>in an application with a web server, Spring Cloud registers it once the web server has started (just before
 * the Zero server starts); when the Zero server has started, the port is put into the registration's metadata and the
 * registration is sent again;</li>
 * <li>in an application without one, it is registered here once the Zero server has started
 * ({@link ZeroServerStartedEvent});</li>
 * <li>on shutdown, as the Zero server is about to drain ({@link ZeroServerStoppingEvent}), it is deregistered, and
 * keeps serving for the deregistration delay so that clients notice it left before it refuses calls.</li>
 * </ul>
 * A registration whose metadata cannot take the port before it is registered (ZooKeeper's builds its metadata when
 * registered) is registered a second time with it. A server started again after a stop (a paused context that
 * resumes) is registered again here, as Spring Cloud's auto-registration still counts it as registered.
 */
final class ZeroServiceRegistration implements ApplicationListener<ApplicationEvent> {

    private static final Log logger = LogFactory.getLog(ZeroServiceRegistration.class);

    private static final String WEB_SERVER_CONTEXT =
            "org.springframework.boot.web.server.context.WebServerApplicationContext";

    private final ObjectProvider<ServiceRegistry<?>> registries;

    private final ObjectProvider<Registration> registrations;

    private final ApplicationContext context;

    private final Duration deregistrationDelay;

    private volatile int port = -1;

    /** Whether the Zero server's instance is registered, by Spring Cloud or here. */
    private volatile boolean registered;

    /** Whether it was deregistered here on a stop: a start again (a paused context resumed) registers it here. */
    private volatile boolean deregistered;

    ZeroServiceRegistration(ObjectProvider<ServiceRegistry<?>> registries,
            ObjectProvider<Registration> registrations, ApplicationContext context, Duration deregistrationDelay) {
        this.registries = registries;
        this.registrations = registrations;
        this.context = context;
        this.deregistrationDelay = deregistrationDelay;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ZeroServerStartedEvent started) {
            started(started.getPort());
        }
        else if (event instanceof InstanceRegisteredEvent<?> && event.getSource() != this) {
            registeredBySpringCloud();
        }
        else if (event instanceof ZeroServerStoppingEvent) {
            stopping();
        }
    }

    private void started(int serverPort) {
        port = serverPort;
        Registration registration = registrations.getIfAvailable();
        ServiceRegistry<Registration> registry = registry();
        if (registration == null || registry == null) {
            logger.debug("No Spring Cloud Registration or ServiceRegistry bean: the Zero server is not registered");
            return;
        }
        boolean tookPort = putPort(registration);
        if (registered) {
            if (tookPort) {
                registry.register(registration);
                logPortAdded(registration);
            }
            return;
        }
        if (hasWebServer() && !deregistered) {
            return;
        }
        if (!deregistered && AutoRegistrations.start(context, classLoader())) {
            registered = true;
        }
        else {
            registry.register(registration);
            registered = true;
            if (!tookPort && putPort(registration)) {
                registry.register(registration);
            }
            context.publishEvent(new InstanceRegisteredEvent<>(this, registration));
        }
        deregistered = false;
        logger.info("Zero server registered as an instance of '" + registration.getServiceId() + "' ("
                + registration.getHost() + ", " + ZeroInstanceAddresses.PORT_KEY + "=" + serverPort + ")");
    }

    private void logPortAdded(Registration registration) {
        logger.info("Zero server's port added to the registration of '" + registration.getServiceId() + "' ("
                + ZeroInstanceAddresses.PORT_KEY + "=" + port + ")");
    }

    /** Spring Cloud registered the application (its web server started): adds the Zero port if it was missing. */
    private void registeredBySpringCloud() {
        registered = true;
        Registration registration = registrations.getIfAvailable();
        ServiceRegistry<Registration> registry = registry();
        if (port < 0 || registration == null || registry == null || hasPort(registration)) {
            return;
        }
        if (putPort(registration)) {
            registry.register(registration);
            logPortAdded(registration);
        }
        else {
            logger.warn("The Spring Cloud registration of '" + registration.getServiceId() + "' takes no metadata: "
                    + "clients find the Zero server only if its instance port is the Zero port");
        }
    }

    private void stopping() {
        Registration registration = registrations.getIfAvailable();
        ServiceRegistry<Registration> registry = registry();
        if (!registered || registration == null || registry == null) {
            return;
        }
        registered = false;
        try {
            registry.deregister(registration);
            deregistered = true;
        }
        catch (RuntimeException ex) {
            logger.warn("Could not deregister the Zero server's instance of '" + registration.getServiceId() + "': "
                    + ex);
            return;
        }
        logger.info("Zero server deregistered from '" + registration.getServiceId() + "'; serving "
                + deregistrationDelay.toMillis() + " ms more before it drains");
        await(deregistrationDelay);
    }

    /** The registry, which takes the application's registration whatever its type parameter says. */
    @SuppressWarnings("unchecked")
    private @Nullable ServiceRegistry<Registration> registry() {
        return (ServiceRegistry<Registration>) registries.getIfAvailable();
    }

    /** Puts the Zero port into the registration's metadata; {@code false} if the metadata does not take it. */
    private boolean putPort(Registration registration) {
        Map<String, String> metadata = registration.getMetadata();
        if (metadata == null) {
            return false;
        }
        try {
            metadata.put(ZeroInstanceAddresses.PORT_KEY, Integer.toString(port));
        }
        catch (UnsupportedOperationException ex) {
            return false;
        }
        return hasPort(registration);
    }

    private boolean hasPort(Registration registration) {
        Map<String, String> metadata = registration.getMetadata();
        return metadata != null && Integer.toString(port).equals(metadata.get(ZeroInstanceAddresses.PORT_KEY));
    }

    private ClassLoader classLoader() {
        ClassLoader classLoader = context.getClassLoader();
        return (classLoader != null) ? classLoader : ZeroServiceRegistration.class.getClassLoader();
    }

    private boolean hasWebServer() {
        ClassLoader classLoader = classLoader();
        if (!ClassUtils.isPresent(WEB_SERVER_CONTEXT, classLoader)) {
            return false;
        }
        return ClassUtils.resolveClassName(WEB_SERVER_CONTEXT, classLoader).isInstance(context);
    }

    private static void await(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            new CountDownLatch(1).await(delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ZeroServiceRegistration[" + (registered ? "registered" : "not registered")
                + (port > 0 ? ", port " + port : "") + "]";
    }

    /** Whether the Zero server's instance is registered. */
    boolean isRegistered() {
        return registered;
    }
}
