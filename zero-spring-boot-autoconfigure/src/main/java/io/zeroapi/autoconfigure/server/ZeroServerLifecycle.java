package io.zeroapi.autoconfigure.server;

import java.util.List;
import java.util.concurrent.Executor;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroRpcEndpoint;
import io.zeroapi.server.ZeroServer;
import io.zeroapi.server.ZeroServerSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the Zero server once every bean is ready (only if some {@code @ZeroRpc} method exists) and stops it
 * gracefully: new calls are refused, calls in flight get {@code zero.server.shutdown.grace-period} to finish,
 * then the socket closes, before the shared {@code ZContext} is closed. Runs in the phase of Spring Boot's
 * graceful web server shutdown, so HTTP and RPC drain together.
 */
public class ZeroServerLifecycle implements SmartLifecycle, DisposableBean {

    /** Phase of this lifecycle: that of Spring Boot's graceful web server shutdown. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private static final Log logger = LogFactory.getLog(ZeroServerLifecycle.class);

    private final ZeroRpcEndpointRegistry registry;

    private final ZContext context;

    private final ZeroCodec codec;

    private final Executor workers;

    private final ZeroServerProperties properties;

    private final ApplicationEventPublisher publisher;

    private volatile ZeroServer server;

    private volatile boolean running;

    public ZeroServerLifecycle(ZeroRpcEndpointRegistry registry, ZContext context, ZeroCodec codec, Executor workers,
            ZeroServerProperties properties, ApplicationEventPublisher publisher) {
        this.registry = registry;
        this.context = context;
        this.codec = codec;
        this.workers = workers;
        this.properties = properties;
        this.publisher = publisher;
    }

    @Override
    public void start() {
        List<ZeroRpcEndpoint> endpoints = registry.endpoints();
        if (endpoints.isEmpty()) {
            logger.debug("No @ZeroRpc methods found: the Zero server is not started");
            return;
        }
        ZeroServer started = new ZeroServer(context, codec, endpoints, workers,
                new ZeroServerSettings(properties.address(), properties.port(),
                        properties.inbound().message().maxSize().toBytes(), properties.maxInFlight()));
        started.start();
        server = started;
        running = true;
        logger.info("Zero server serving " + endpoints.size() + " function(s) on " + started.boundEndpoint());
        publisher.publishEvent(new ZeroServerInitializedEvent(started));
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
