package io.zeroapi.autoconfigure.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroException;
import io.zeroapi.client.ClientProtocol;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.DefaultReactiveZeroClient;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.LoadBalancing;
import io.zeroapi.client.RetryOnConnectionLoss;
import io.zeroapi.client.ZeroAddress;
import io.zeroapi.client.ZeroClientInterceptor;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionSettings;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.lifecycle.ClientConnectionEvents;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Registers the beans of each client configured under {@code zero.clients.<name>}: a lazy
 * {@link ZeroConnection} ({@code <name>ZeroClientConnection}, not an autowire candidate, with its own ZeroMQ
 * context, shaped by the {@link ZeroClientCustomizer} beans and closed when the context is destroyed), and on top of
 * it {@code <name>AsyncZeroClient}, {@code <name>ZeroClient} and, with Reactor, {@code <name>ReactiveZeroClient},
 * all lazy and qualified by {@code name}, the map key exactly as Boot binds it ({@code orderService} stays
 * {@code orderService}, {@code order-service} stays {@code order-service}; two spellings of one name fail startup).
 * A bean the application defines under one of these names is kept instead. A key that {@code zero.client.*} or a
 * client does not have fails startup, and so does a malformed address; one with {@code ${...}} placeholders is kept
 * with them and resolved (and checked) on the first call, so it may refer to a port published later, such as
 * {@code ${local.zero.server.port}}. A client with a {@code service-id} instead gets a connection to the instances of
 * that service, which the {@link ZeroServiceDiscovery} bean follows from the moment the connection is created.
 */
final class ZeroClientBeanRegistrar
        implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware, BeanClassLoaderAware,
        ApplicationEventPublisherAware {

    private static final String REACTOR = "reactor.core.publisher.Mono";

    private static final String CLIENTS = "zero.clients";

    private static final String DISCOVERY_CLIENT = "org.springframework.cloud.client.discovery.DiscoveryClient";

    private final Environment environment;

    private ConfigurableListableBeanFactory beanFactory;

    private ClassLoader classLoader;

    private @Nullable ApplicationEventPublisher events;

    ZeroClientBeanRegistrar(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        Binder binder = Binder.get(environment);
        ZeroClientDefaultsProperties defaults = binder.bindOrCreate("zero.client",
                Bindable.of(ZeroClientDefaultsProperties.class), noUnknownKeys());
        Map<String, ZeroClientsProperties.Client> clients = binder
            .bind(CLIENTS, Bindable.mapOf(String.class, ZeroClientsProperties.Client.class), noUnknownKeys())
            .orElseGet(Map::of);
        Map<String, WrittenAddress> written = new Binder(ConfigurationPropertySources.get(environment))
            .bind(CLIENTS, Bindable.mapOf(String.class, WrittenAddress.class))
            .orElseGet(Map::of);
        boolean reactor = ClassUtils.isPresent(REACTOR, classLoader);
        for (String name : clientNames(clients.keySet())) {
            ZeroClientsProperties.Client client = clients.get(name);
            String serviceId = serviceId(name, client);
            String address = (serviceId != null) ? null : address(name, client, written.get(name));
            Duration timeout = (client.timeout() != null) ? client.timeout() : defaults.timeout();
            LoadBalancing balancing = (client.loadBalancing() != null) ? client.loadBalancing()
                    : LoadBalancing.ROUND_ROBIN;
            boolean retry = Boolean.TRUE.equals(client.retryOnConnectionLoss());
            register(registry, name, new ClientSetup(address, serviceId, timeout, settings(name, client, defaults),
                    balancing, retry, wire(name, client)), reactor);
        }
    }

    /** The client's protocol and, for tcp, its number of connections (checked: at least 1). */
    private static Wire wire(String name, ZeroClientsProperties.Client client) {
        ClientProtocol protocol = (client.protocol() != null) ? client.protocol() : ClientProtocol.ZEROMQ;
        Integer connections = (client.tcp() != null) ? client.tcp().connections() : null;
        if (connections != null && connections < 1) {
            throw new InvalidConfigurationPropertyValueException(property(name, "tcp.connections"), connections,
                    "A TCP client needs at least 1 connection");
        }
        return new Wire(protocol, (connections != null) ? connections : ZeroConnection.DEFAULT_TCP_CONNECTIONS);
    }

    /**
     * The key of a property of client {@code name} as the application writes it: {@code zero.clients.users.address},
     * or {@code zero.clients[order.service].address} for a name that needs brackets.
     */
    private static String property(String name, String key) {
        return CLIENTS + (name.matches("[A-Za-z0-9_-]+") ? "." + name : "[" + name + "]") + "." + key;
    }

    /**
     * The service of client {@code name} ({@code service-id}), or {@code null} when it has an address instead.
     * @throws InvalidConfigurationPropertyValueException if it has both, or a service id without Spring Cloud
     * service discovery on the class path
     */
    private @Nullable String serviceId(String name, ZeroClientsProperties.Client client) {
        String serviceId = client.serviceId();
        if (!StringUtils.hasText(serviceId)) {
            return null;
        }
        List<String> addresses = client.address();
        if (addresses != null && addresses.stream().anyMatch(StringUtils::hasText)) {
            throw new InvalidConfigurationPropertyValueException(property(name, "service-id"), serviceId,
                    "Zero client '" + name + "' has both " + property(name, "address") + " and "
                            + property(name, "service-id") + ": set one of them (an address for fixed servers, a "
                            + "service id for the instances service discovery finds)");
        }
        if (!ClassUtils.isPresent(DISCOVERY_CLIENT, classLoader)) {
            throw new InvalidConfigurationPropertyValueException(property(name, "service-id"), serviceId,
                    "Zero client '" + name + "' finds its servers through service discovery, but Spring Cloud's "
                            + "DiscoveryClient is not on the class path: add a discovery starter (e.g. "
                            + "spring-cloud-starter-zookeeper-discovery), or set " + property(name, "address")
                            + " instead");
        }
        return serviceId.trim();
    }

    /**
     * The address of client {@code name} as written: checked now, or, with {@code ${...}} placeholders, kept with them
     * to be resolved (and checked) on the first call.
     */
    private static String address(String name, ZeroClientsProperties.Client client, @Nullable WrittenAddress written) {
        List<String> addresses = client.address();
        if (addresses == null || addresses.stream().noneMatch(StringUtils::hasText)) {
            throw new InvalidConfigurationPropertyValueException(property(name, "address"), addresses,
                    "Zero client '" + name + "' needs the address of its server: set " + property(name, "address")
                            + " to tcp://host:port or host:port (or several, separated by commas), or "
                            + property(name, "service-id") + " to a service that Spring Cloud service discovery "
                            + "finds");
        }
        List<String> asWritten = (written != null && written.address() != null) ? written.address() : addresses;
        String address = String.join(",", asWritten);
        if (!address.contains("${")) {
            try {
                ZeroAddress.checkAll(address);
            }
            catch (ZeroException ex) {
                throw new InvalidConfigurationPropertyValueException(property(name, "address"), address,
                        ex.getMessage());
            }
        }
        return address;
    }

    /**
     * One name per client. Boot ignores case and dashes in keys, so the map has an entry per spelling, each bound to
     * the same properties: an environment variable's lower-case spelling ({@code ZERO_CLIENTS_ORDERSERVICE_ADDRESS}
     * gives {@code orderservice}) yields to the one written elsewhere ({@code orderService}); two spellings written
     * by the application ({@code orderService} and {@code order-service}) fail.
     */
    private static Set<String> clientNames(Set<String> keys) {
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        keys.forEach(key -> spellings
            .computeIfAbsent(key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", ""), uniform -> new ArrayList<>())
            .add(key));
        Set<String> names = new LinkedHashSet<>();
        spellings.forEach((uniform, written) -> {
            if (written.size() > 1) {
                written.remove(uniform);
            }
            if (written.size() > 1) {
                throw new IllegalStateException(written.stream().map(name -> property(name, "*"))
                    .collect(Collectors.joining(" and ")) + " name one Zero client spelled "
                        + written.size() + " ways (Spring Boot ignores case and dashes in keys, so they bind the same "
                        + "properties): write its name one way, e.g. " + written.get(0) + ", everywhere");
            }
            names.add(written.get(0));
        });
        return names;
    }

    /** Fails the binding on a key the properties do not have, as {@code ignoreUnknownFields = false} does. */
    private static BindHandler noUnknownKeys() {
        return new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(),
                new UnboundElementsSourceFilter());
    }

    private static ZeroConnectionSettings settings(String name, ZeroClientsProperties.Client client,
            ZeroClientDefaultsProperties defaults) {
        long reply = size(name, "max-reply-size", client.maxReplySize(), defaults.maxReplySize());
        long request = size(name, "max-request-size", client.maxRequestSize(), defaults.maxRequestSize());
        ZeroClientsProperties.Heartbeat own = client.heartbeat();
        Duration interval = (own != null && own.interval() != null) ? own.interval() : defaults.heartbeat().interval();
        Duration timeout = (own != null && own.timeout() != null) ? own.timeout() : defaults.heartbeat().timeout();
        return ZeroConnectionSettings.defaults().withMaxReplySize(reply).withMaxRequestSize(request)
            .withHeartbeat(interval, timeout);
    }

    /** A client's own size limit, or the shared one; positive, or -1 for no limit. */
    private static long size(String name, String key, DataSize own, DataSize shared) {
        DataSize size = (own != null) ? own : shared;
        long bytes = size.toBytes();
        if (bytes == 0 || bytes < -1) {
            String property = (own != null) ? property(name, key) : "zero.client." + key;
            throw new InvalidConfigurationPropertyValueException(property, size,
                    "The size must be positive (e.g. 4MB), or -1 for no limit");
        }
        return bytes;
    }

    private void register(BeanDefinitionRegistry registry, String name, ClientSetup setup, boolean reactor) {
        String connection = name + "ZeroClientConnection";
        String async = name + "AsyncZeroClient";
        RootBeanDefinition connectionDefinition = new RootBeanDefinition(ZeroConnection.class,
                () -> connection(name, setup));
        connectionDefinition.setLazyInit(true);
        connectionDefinition.setAutowireCandidate(false);
        connectionDefinition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        connectionDefinition.setDestroyMethodName("close");
        registerUnlessDefined(registry, connection, connectionDefinition);
        registerUnlessDefined(registry, async, client(name, DefaultAsyncZeroClient.class,
                () -> new DefaultAsyncZeroClient(beanFactory.getBean(connection, ZeroConnection.class),
                        beanFactory.getBean(ZeroCodec.class), setup.timeout(), interceptors(setup))));
        registerUnlessDefined(registry, name + "ZeroClient", client(name, DefaultZeroClient.class,
                () -> new DefaultZeroClient(beanFactory.getBean(async, DefaultAsyncZeroClient.class))));
        if (reactor) {
            registerUnlessDefined(registry, name + "ReactiveZeroClient", client(name, DefaultReactiveZeroClient.class,
                    () -> new DefaultReactiveZeroClient(beanFactory.getBean(async, AsyncZeroClient.class))));
        }
    }

    /** The connection of client {@code name}, shaped by the {@link ZeroClientCustomizer} beans. */
    private ZeroConnection connection(String name, ClientSetup setup) {
        String address = setup.address();
        String serviceId = setup.serviceId();
        ZeroConnection.Builder builder = (serviceId != null) ? ZeroConnection.builderForService(serviceId)
                : ZeroConnection.builder(() -> environment.resolveRequiredPlaceholders(
                        Objects.requireNonNull(address)));
        builder.settings(setup.settings())
            .loadBalancing(setup.balancing())
            .protocol(setup.wire().protocol())
            .tcpConnections(setup.wire().connections());
        beanFactory.getBeanProvider(ZeroClientCustomizer.class)
            .orderedStream()
            .forEach(customizer -> customizer.customize(name, builder));
        AtomicReference<@Nullable ZeroConnection> built = new AtomicReference<>();
        if (events != null) {
            builder.stateListener(ClientConnectionEvents.publisher(events, name, built::get));
        }
        ZeroConnection connection = builder.build();
        built.set(connection);
        if (serviceId != null) {
            follow(name, connection);
        }
        return connection;
    }

    private void follow(String name, ZeroConnection connection) {
        ZeroServiceDiscovery discovery = beanFactory.getBeanProvider(ZeroServiceDiscovery.class).getIfAvailable();
        if (discovery == null) {
            connection.close();
            throw new IllegalStateException("Zero client '" + name + "' finds its servers through service discovery ("
                    + property(name, "service-id") + "), but there is no ZeroServiceDiscovery bean: do not exclude "
                    + "ZeroDiscoveryAutoConfiguration, define a ZeroServiceDiscovery bean, or set "
                    + property(name, "address") + " instead");
        }
        discovery.follow(name, connection);
    }

    /** Registers a bean unless the application defines one of that name itself (then the application's is used). */
    private static void registerUnlessDefined(BeanDefinitionRegistry registry, String beanName,
            RootBeanDefinition definition) {
        if (!registry.containsBeanDefinition(beanName)) {
            registry.registerBeanDefinition(beanName, definition);
        }
    }

    private static <T> RootBeanDefinition client(String name, Class<T> type, Supplier<T> supplier) {
        RootBeanDefinition definition = new RootBeanDefinition(type, supplier);
        definition.setLazyInit(true);
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
        return definition;
    }

    /** The interceptor beans in order, then (innermost) the retry on connection loss when the client asks for it. */
    private List<ZeroClientInterceptor> interceptors(ClientSetup setup) {
        List<ZeroClientInterceptor> interceptors = new ArrayList<>(
                beanFactory.getBeanProvider(ZeroClientInterceptor.class).orderedStream().toList());
        if (setup.retryOnConnectionLoss()) {
            interceptors.add(new RetryOnConnectionLoss());
        }
        return interceptors;
    }

    /** What the properties say of one client. */
    private record ClientSetup(@Nullable String address, @Nullable String serviceId, Duration timeout,
            ZeroConnectionSettings settings, LoadBalancing balancing, boolean retryOnConnectionLoss, Wire wire) {
    }

    /** The protocol of one client, and its number of TCP connections. */
    private record Wire(ClientProtocol protocol, int connections) {
    }

    /** A client's address as written, bound without resolving its placeholders. */
    record WrittenAddress(@Nullable List<String> address) {
    }
}
