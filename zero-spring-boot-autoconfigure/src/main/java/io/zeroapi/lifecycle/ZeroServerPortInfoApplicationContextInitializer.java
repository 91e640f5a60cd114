package io.zeroapi.lifecycle;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Publishes the port the Zero server bound as {@code local.zero.server.port} (property source
 * {@code server.ports}, like Spring Boot's other published ports), so that {@code @LocalZeroServerPort} and
 * {@code ${local.zero.server.port}} resolve with {@code zero.server.port=0}; the port of Zero's TCP protocol, when
 * served, as {@code local.zero.server.tcp.port}.
 */
public class ZeroServerPortInfoApplicationContextInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The property holding the bound port. */
    public static final String PROPERTY_NAME = "local.zero.server.port";

    /** The property holding the bound port of Zero's TCP protocol. */
    public static final String TCP_PROPERTY_NAME = "local.zero.server.tcp.port";

    private static final String PROPERTY_SOURCE_NAME = "server.ports";

    @Override
    public void initialize(ConfigurableApplicationContext applicationContext) {
        applicationContext.addApplicationListener(new Listener(applicationContext));
    }

    private static final class Listener implements ApplicationListener<ZeroServerStartedEvent> {

        private final ConfigurableApplicationContext applicationContext;

        Listener(ConfigurableApplicationContext applicationContext) {
            this.applicationContext = applicationContext;
        }

        @Override
        public void onApplicationEvent(ZeroServerStartedEvent event) {
            if (event.getPort() >= 0) {
                setPort(applicationContext, PROPERTY_NAME, event.getPort());
            }
            if (event.getTcpPort() >= 0) {
                setPort(applicationContext, TCP_PROPERTY_NAME, event.getTcpPort());
            }
        }

        private static void setPort(ApplicationContext context, String property, int port) {
            Environment environment = context.getEnvironment();
            if (environment instanceof ConfigurableEnvironment configurable) {
                portProperties(configurable.getPropertySources()).put(property, port);
            }
            if (context.getParent() != null) {
                setPort(context.getParent(), property, port);
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> portProperties(MutablePropertySources sources) {
            PropertySource<?> source = sources.get(PROPERTY_SOURCE_NAME);
            if (source == null) {
                source = new MapPropertySource(PROPERTY_SOURCE_NAME, new HashMap<>());
                sources.addFirst(source);
            }
            return (Map<String, Object>) source.getSource();
        }
    }
}
