package io.zeroapi.autoconfigure.server;

import java.util.List;
import java.util.concurrent.Executor;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroRpcEndpoint;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerPortInUseException;
import io.zeroapi.server.ZeroServerSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the Zero server once every bean is ready (only if some {@code @ZeroRpc} method exists) and stops it
 * gracefully: new calls are refused, calls in flight get {@code zero.server.shutdown.grace-period} to finish,
 * then the socket closes. Runs in the phase of Spring Boot's graceful web server shutdown, so HTTP and RPC drain
 * together. If the server fails for good, the application context is closed (unless
 * {@code zero.server.stop-application-on-failure=false}). Started again after a stop (a cached test context that
 * Spring paused and resumes), it binds the port it had before, also with {@code zero.server.port=0}.
 */
public class ZeroServerLifecycle implements SmartLifecycle, DisposableBean {

    /** Phase of this lifecycle: that of Spring Boot's graceful web server shutdown. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Log logger = LogFactory.getLog(ZeroServerLifecycle.class);

    private final ZeroRpcEndpointRegistry registry;

    private final ZeroCodec codec;

    private final Executor workers;

    private final ZeroServerProperties properties;

    private final ApplicationContext applicationContext;

    private volatile ZeroServer server;

    private volatile boolean running;

    private volatile int boundPort = -1;

    public ZeroServerLifecycle(ZeroRpcEndpointRegistry registry, ZeroCodec codec, Executor workers,
            ZeroServerProperties properties, ApplicationContext applicationContext) {
        this.registry = registry;
        this.codec = codec;
        this.workers = workers;
        this.properties = properties;
        this.applicationContext = applicationContext;
    }

    @Override
    public void start() {
        List<ZeroRpcEndpoint> endpoints = registry.endpoints();
        if (endpoints.isEmpty()) {
            logger.debug("No @ZeroRpc methods found: the Zero server is not started");
            return;
        }
        ZeroServer started = start(endpoints);
        server = started;
        running = true;
        logger.info("Zero server serving " + endpoints.size() + " function(s) on " + started.boundEndpoint());
        if (isAllInterfaces(properties.address())) {
            logger.warn("Zero server listens on all network interfaces (zero.server.address=" + properties.address()
                    + ") with no authentication: any host that reaches port " + started.port() + " can call every "
                    + "@ZeroRpc method. Set zero.server.address=127.0.0.1 (or one interface's address) to restrict it.");
        }
        applicationContext.publishEvent(new ZeroServerInitializedEvent(started));
    }

    /**
     * Starts a server; a restart (e.g. a cached test context resumed) binds the port of the first start again when
     * {@code zero.server.port=0}, so clients holding {@code ${local.zero.server.port}} keep working.
     */
    private ZeroServer start(List<ZeroRpcEndpoint> endpoints) {
        ZeroServerSettings settings = properties.toSettings();
        if (properties.port() == 0 && boundPort > 0) {
            try {
                return startServer(endpoints, settings.withPort(boundPort));
            }
            catch (ZeroServerPortInUseException ex) {
                logger.warn("Zero server cannot bind its previous port " + boundPort + " again (" + ex.getMessage()
                        + "); binding a new free port: clients holding the old port will not reach it");
            }
        }
        return startServer(endpoints, settings);
    }

    private ZeroServer startServer(List<ZeroRpcEndpoint> endpoints, ZeroServerSettings settings) {
        ZeroServer server = new ZeroServer(codec, endpoints, workers, settings);
        server.onFailure(this::failed);
        server.start();
        boundPort = server.port();
        return server;
    }

    private static boolean isAllInterfaces(String address) {
        return "*".equals(address) || "0.0.0.0".equals(address) || "::".equals(address) || "[::]".equals(address);
    }

    private void failed(Throwable cause) {
        if (!properties.stopApplicationOnFailure()) {
            logger.error("Zero server is DOWN and zero.server.stop-application-on-failure=false: the application keeps "
                    + "running without serving Zero calls");
            return;
        }
        if (applicationContext instanceof ConfigurableApplicationContext configurable && configurable.isActive()) {
            logger.error("Zero server is DOWN: closing the application context "
                    + "(set zero.server.stop-application-on-failure=false to keep it running)");
            Thread closer = new Thread(configurable::close, "zero-server-failure-close");
            closer.setDaemon(false);
            closer.start();
        }
    }

    @Override
    public void stop() {
        stop(() -> {
        });
    }

    @Override
    public void stop(Runnable callback) {
        ZeroServer current = server;
        if (current == null) {
            running = false;
            callback.run();
            return;
        }
        current.shutdown(properties.shutdown().gracePeriod()).whenComplete((result, ex) -> {
            running = false;
            logger.info("Zero server on port " + current.port() + " stopped");
            callback.run();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The running server, or {@code null} when not started (no {@code @ZeroRpc} methods, or stopped). */
    public ZeroServer getServer() {
        return running ? server : null;
    }

    @Override
    public void destroy() {
        ZeroServer current = server;
        if (current != null) {
            current.close();
        }
    }
}
