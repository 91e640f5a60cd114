package io.zeroapi.server;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.transport.FrameSizeGuard;
import io.zeroapi.transport.SocketWaker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import zmq.ZError;

/**
 * A Zero RPC server: one ROUTER socket owned by one I/O thread, speaking Zero's ZeroMQ protocol and serving
 * {@link ZeroRpcEndpoint}s on their execution paths (worker pool, I/O thread, or asynchronous). Replies are
 * never dropped silently: the ROUTER is mandatory-routing with a high-water mark above the in-flight limit.
 */
public final class ZeroServer {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final ZContext context;

    private final ZeroCodec codec;

    private final Map<String, ZeroRpcEndpoint> endpoints = new LinkedHashMap<>();

    private final Executor workers;

    private final ZeroServerSettings settings;

    private ServerLoop loop;

    private String boundEndpoint;

    private int port = -1;

    public ZeroServer(ZContext context, ZeroCodec codec, Collection<ZeroRpcEndpoint> endpoints, Executor workers,
            ZeroServerSettings settings) {
        this.context = context;
        this.codec = codec;
        endpoints.forEach(endpoint -> this.endpoints.put(endpoint.name(), endpoint));
        this.workers = workers;
        this.settings = settings;
    }

    /**
     * Binds the ROUTER and starts the I/O thread.
     * @throws ZeroServerPortInUseException if the port is taken
     */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        try {
            router.setLinger(0);
            router.setRouterMandatory(true);
            int highWaterMark = (int) Math.min(Integer.MAX_VALUE, 2L * settings.maxInFlight() + 1000);
            router.setSndHWM(highWaterMark);
            router.setRcvHWM(highWaterMark);
            router.setMaxMsgSize(settings.maxMessageSize());
            router.setMsgAllocator(new FrameSizeGuard(settings.maxMessageSize(), "Zero server"));
            router.bind(settings.bindEndpoint());
        }
        catch (ZMQException ex) {
            context.destroySocket(router);
            if (ex.getErrorCode() == ZError.EADDRINUSE) {
                throw new ZeroServerPortInUseException(settings.port(), ex);
            }
            throw ex;
        }
        boundEndpoint = router.getLastEndpoint();
        port = Integer.parseInt(boundEndpoint.substring(boundEndpoint.lastIndexOf(':') + 1));
        RateLimitedLog log = new RateLimitedLog(logger, LOG_INTERVAL);
        ReplyQueue replies = new ReplyQueue(SocketWaker.attach(context, router, "zero-server-wake"));
        RequestDispatcher dispatcher = new RequestDispatcher(Map.copyOf(endpoints), new ReplyBodies(codec), workers,
                replies, settings.maxInFlight(), log);
        loop = new ServerLoop(context, router, dispatcher, replies, log);
        Thread thread = new Thread(loop, "zero-server-" + port);
        thread.setDaemon(false);
        thread.start();
    }

    /** The bound port (the real one when configured with 0), or -1 before {@link #start()}. */
    public synchronized int port() {
        return port;
    }

    /** The endpoint the ROUTER is bound to, e.g. {@code tcp://0.0.0.0:5559}, or {@code null} before start. */
    public synchronized String boundEndpoint() {
        return boundEndpoint;
    }

    /** Whether the server has started and not yet closed its socket. */
    public synchronized boolean isRunning() {
        return loop != null && !loop.terminated().isDone();
    }

    /**
     * Stops taking calls (new ones are answered "server is shutting down"), lets calls in flight finish for
     * up to {@code gracePeriod} (negative: as long as they take), then closes the socket.
     * @return completed once the socket is closed
     */
    public synchronized CompletableFuture<Void> shutdown(Duration gracePeriod) {
        if (loop == null) {
            return CompletableFuture.completedFuture(null);
        }
        return loop.stop(gracePeriod.isNegative() ? -1 : gracePeriod.toNanos());
    }

    /** Closes the socket now, dropping calls still in flight, and waits for the I/O thread to end. */
    public void close() {
        CompletableFuture<Void> terminated = shutdown(Duration.ZERO);
        try {
            terminated.get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
            logger.warn("Zero server I/O thread did not end within " + CLOSE_TIMEOUT_SECONDS + "s", ex);
        }
    }
}
