package io.zeroapi.demo.instances;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zeroapi.demo.DemoGatewayApplication;
import io.zeroapi.demo.store.DemoStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The {@code two-instances} profile's service instances: one Spring Boot application per entry of
 * {@code demo.instances} (name to Zero port, {@code 0} for a free one), each the demo's Zero service alone (no
 * gateway, no web server), started in this JVM before the gateway takes traffic and closed with it. They share this
 * context's store, as replicas share a database. Their addresses are published as
 * {@code local.demo.instances.addresses} ({@code tcp://127.0.0.1:port,...}), which the gateway's client is
 * configured with.
 */
@Component
@Profile("two-instances")
public class DemoInstances implements InitializingBean, DisposableBean {

    /** The property the instances' addresses are published under, comma-separated. */
    public static final String ADDRESSES = "local.demo.instances.addresses";

    private static final Log logger = LogFactory.getLog(DemoInstances.class);

    private final ConfigurableEnvironment environment;

    private final DemoStore store;

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    public DemoInstances(ConfigurableEnvironment environment, DemoStore store) {
        this.environment = environment;
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, Integer> instances = Binder.get(environment)
            .bind("demo.instances", Bindable.mapOf(String.class, Integer.class))
            .orElseThrow(() -> new IllegalStateException(
                    "The two-instances profile needs demo.instances (name: Zero port, e.g. instance-a: 5561)"));
        List<String> addresses = new ArrayList<>();
        try {
            instances.forEach((name, port) -> {
                ConfigurableApplicationContext instance = start(name, port);
                running.add(instance);
                int bound = instance.getEnvironment().getRequiredProperty("local.zero.server.port", Integer.class);
                addresses.add("tcp://127.0.0.1:" + bound);
                logger.info("Demo service instance '" + name + "' serves Zero calls on tcp://127.0.0.1:" + bound);
            });
        }
        catch (RuntimeException ex) {
            destroy();
            throw ex;
        }
        Map<String, Object> published = new LinkedHashMap<>();
        published.put(ADDRESSES, String.join(",", addresses));
        environment.getPropertySources().addFirst(new MapPropertySource("demoInstances", published));
    }

    /** One instance: the demo application as a Zero service only, sharing this context's store. */
    private ConfigurableApplicationContext start(String name, int port) {
        SpringApplication application = new SpringApplication(DemoGatewayApplication.class);
        application.setMainApplicationClass(DemoGatewayApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setRegisterShutdownHook(false);
        application.setListeners(application.getListeners().stream()
            .filter(listener -> !(listener instanceof LoggingApplicationListener))
            .toList());
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("demoStore", store));
        try {
            return application.run("--spring.profiles.active=demo-instance", "--spring.main.banner-mode=off",
                    "--spring.application.name=" + name, "--demo.gateway.enabled=false",
                    "--demo.service.instance-name=" + name, "--zero.server.address=127.0.0.1",
                    "--zero.server.port=" + port);
        }
        catch (RuntimeException ex) {
            // the instance has reported its failure in full; without the cause, the gateway's report names the key
            throw new IllegalStateException("Demo service instance '" + name + "' did not start on Zero port " + port
                    + " (demo.instances." + name + "): " + rootMessage(ex) + ". Set demo.instances." + name
                    + " to a free port, or 0 for any");
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Override
    public void destroy() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
