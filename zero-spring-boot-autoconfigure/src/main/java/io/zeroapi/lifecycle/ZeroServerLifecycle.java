package io.zeroapi.lifecycle;

import java.time.Duration;
import java.util.List;

import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.server.ZeroServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a {@link ZeroServer} with the application context: starts it once every bean is ready (only if it has
 * {@code @ZeroRpc} functions to serve) and stops it gracefully: new calls are refused, calls in flight get the
 * grace period to finish, then the socket closes. Runs in the phase of Spring Boot's graceful web server shutdown,
 * so HTTP and RPC drain together. If the server fails for good, the application context is closed (unless told
 * otherwise). Started again after a stop (a cached test context that Spring paused and resumes), the server binds
 * the port it had before, also when configured with port 0.
 * <p>
 * Publishes a {@link ZeroServerStartedEvent} once the server serves, a {@link ZeroServerStoppingEvent} just before it
 * drains and a {@link ZeroServerStoppedEvent} once its socket is closed.
 */
public class ZeroServerLifecycle implements SmartLifecycle, DisposableBean {

    /** Phase of this lifecycle: that of Spring Boot's graceful web server shutdown. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Log logger = LogFactory.getLog(ZeroServerLifecycle.class);

    private final ZeroServer server;

    private final Duration gracePeriod;

    private final boolean stopApplicationOnFailure;

    private final ApplicationContext applicationContext;

    private volatile boolean running;

    /**
     * @param server the server to run, not yet started
     * @param gracePeriod how long calls in flight may take to finish on stop (negative: as long as they take)
     * @param stopApplicationOnFailure whether to close the application context when the server fails for good
     */
    public ZeroServerLifecycle(ZeroServer server, Duration gracePeriod, boolean stopApplicationOnFailure,
            ApplicationContext applicationContext) {
        this.server = server;
        this.gracePeriod = gracePeriod;
        this.stopApplicationOnFailure = stopApplicationOnFailure;
        this.applicationContext = applicationContext;
        server.onFailure(this::failed);
    }

    @Override
    public void start() {
        List<ZeroRpcEndpoint> endpoints = server.endpoints();
        if (endpoints.isEmpty()) {
            logger.debug("No @ZeroRpc methods found: the Zero server is not started");
            return;
        }
        server.start();
        running = true;
        logger.info("Zero server serving " + endpoints.size() + " function(s) on " + server.boundAddress());
        String address = server.settings().address();
        if (isAllInterfaces(address)) {
            logger.warn("Zero server listens on all network interfaces (zero.server.address=" + address
                    + ") with no authentication: any host that reaches " + ports() + " can call every "
                    + "@ZeroRpc method. Set zero.server.address=127.0.0.1 (or one interface's address) to restrict it.");
        }
        publishStarted();
    }

    private String ports() {
        if (server.tcpPort() < 0) {
            return "port " + server.port();
        }
        return server.port() < 0 ? "TCP port " + server.tcpPort()
                : "port " + server.port() + " or TCP port " + server.tcpPort();
    }

    @SuppressWarnings("deprecation")
    private void publishStarted() {
        applicationContext.publishEvent(new ZeroServerInitializedEvent(server));
    }

    private static boolean isAllInterfaces(String address) {
        return "*".equals(address) || "0.0.0.0".equals(address) || "::".equals(address) || "[::]".equals(address);
    }

    private void failed(Throwable cause) {
        if (!stopApplicationOnFailure) {
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
        if (!running) {
            callback.run();
            return;
        }
        applicationContext.publishEvent(new ZeroServerStoppingEvent(server));
        server.shutdown(gracePeriod).whenComplete((result, ex) -> {
            running = false;
            logger.info("Zero server on " + ports() + " stopped");
            try {
                applicationContext.publishEvent(new ZeroServerStoppedEvent(server));
            }
            catch (RuntimeException failure) {
                logger.debug("Could not publish ZeroServerStoppedEvent (the context is already gone)", failure);
            }
            finally {
                callback.run();
            }
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
    public @Nullable ZeroServer getServer() {
        return running ? server : null;
    }

    @Override
    public void destroy() {
        server.close();
    }
}
