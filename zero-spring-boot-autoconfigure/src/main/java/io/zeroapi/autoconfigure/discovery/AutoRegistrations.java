package io.zeroapi.autoconfigure.discovery;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.cloud.client.serviceregistry.AbstractAutoServiceRegistration;
import org.springframework.util.ClassUtils;

/**
 * Starts Spring Cloud's own auto-registration ({@link AbstractAutoServiceRegistration}, which otherwise waits for a
 * web server), so that the registry's own steps apply (its port defaults, events and registration lifecycles). Loaded
 * only when that class and the web server events it listens to are on the class path.
 */
final class AutoRegistrations {

    private static final String AUTO_REGISTRATION =
            "org.springframework.cloud.client.serviceregistry.AbstractAutoServiceRegistration";

    private static final String WEB_SERVER_EVENT =
            "org.springframework.boot.web.server.context.WebServerInitializedEvent";

    private AutoRegistrations() {
    }

    /**
     * Starts the application's auto-registration if it has one that is not running yet.
     * @return whether it is running now (registered)
     */
    static boolean start(BeanFactory beanFactory, ClassLoader classLoader) {
        if (!ClassUtils.isPresent(AUTO_REGISTRATION, classLoader) || !ClassUtils.isPresent(WEB_SERVER_EVENT,
                classLoader)) {
            return false;
        }
        return Started.start(beanFactory);
    }

    /** Kept apart so that the auto-registration class is loaded only once known to be there. */
    private static final class Started {

        static boolean start(BeanFactory beanFactory) {
            AbstractAutoServiceRegistration<?> registration = beanFactory
                .getBeanProvider(AbstractAutoServiceRegistration.class)
                .getIfAvailable();
            if (registration == null || registration.isRunning()) {
                return false;
            }
            registration.start();
            return registration.isRunning();
        }
    }
}
