package io.zeroapi.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.transport.AcceptFailures;
import io.zeroapi.transport.FrameSizeGuard;
import io.zeroapi.transport.SocketWaker;
import io.zeroapi.transport.ZmqContexts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * One incarnation of a server's ZeroMQ transport: a private context, the bound ROUTER and the I/O thread serving
 * it. A failure of the context's JeroMQ I/O thread or of the loop is reported once to the owner, which replaces the
 * whole transport.
 */
final class ServerTransport {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private static final int HANDSHAKE_INTERVAL_MS = 10_000;

    static final Duration CONTEXT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final AtomicBoolean failed = new AtomicBoolean();

    private ZContext context;

    private ServerLoop loop;

    private String boundEndpoint;

    private int port;

    private CompletableFuture<Void> closed;

    private ServerTransport() {
    }

    /**
     * Binds a ROUTER with the settings' options and starts its I/O thread.
     * @param onFailure told once if the transport fails (from the failing thread)
     * @throws ZeroServerPortInUseException if the port is taken
     * @throws ZeroServerBindException if the address cannot be bound for another reason
     */
    static ServerTransport open(ZeroCodec codec, Map<String, ZeroRpcEndpoint> endpoints, Executor workers,
            ZeroServerSettings settings, Consumer<Throwable> onFailure) {
        ServerTransport transport = new ServerTransport();
        Consumer<Throwable> once = ex -> {
            if (transport.failed.compareAndSet(false, true)) {
                onFailure.accept(ex);
            }
        };
        ZContext context = ZmqContexts.create("Zero server", once);
        ZMQ.Socket router;
        try {
            router = bind(context, settings);
        }
        catch (RuntimeException ex) {
            ZmqContexts.close(context, CONTEXT_CLOSE_TIMEOUT);
            throw ex;
        }
        transport.context = context;
        transport.boundEndpoint = router.getLastEndpoint();
        transport.port = Integer.parseInt(transport.boundEndpoint.substring(transport.boundEndpoint.lastIndexOf(':') + 1));
        RateLimitedLog log = new RateLimitedLog(logger, LOG_INTERVAL);
        ReplyBodies bodies = new ReplyBodies(codec, settings.maxReplySize());
        ReplyQueue replies = new ReplyQueue(SocketWaker.attach(context, router, "zero-server-wake"));
        RequestDispatcher dispatcher = new RequestDispatcher(endpoints, bodies, workers, replies,
                settings.maxInFlight(), settings.maxInFlightPerPeer(), settings.peerBufferBudget(), log);
        ListenBackoff listen = new ListenBackoff(router, transport.boundEndpoint,
                AcceptFailures.install(router, replies::wake));
        transport.loop = new ServerLoop(router, dispatcher, replies, bodies, log, settings, listen, once);
        DeadlineTicker ticker = DeadlineTicker.start(settings.callTimeout(), replies::wake,
                "zero-server-deadlines-" + transport.port);
        transport.closed = transport.loop.terminated().thenRun(() -> {
            ticker.close();
            ZmqContexts.close(context, CONTEXT_CLOSE_TIMEOUT);
        });
        Thread thread = new Thread(transport.loop, "zero-server-" + transport.port);
        thread.setDaemon(false);
        thread.start();
        return transport;
    }

    private static ZMQ.Socket bind(ZContext context, ZeroServerSettings settings) {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        try {
            router.setLinger(0);
            router.setRouterMandatory(true);
            router.setSndHWM(settings.highWaterMark());
            router.setRcvHWM(settings.highWaterMark());
            router.setMaxMsgSize(settings.maxMessageSize());
            router.setMsgAllocator(new FrameSizeGuard(settings.maxMessageSize(), "Zero server"));
            router.setBacklog(settings.backlog());
            router.setHandshakeIvl(HANDSHAKE_INTERVAL_MS);
            if (!settings.heartbeatInterval().isZero() && !settings.heartbeatInterval().isNegative()) {
                router.setHeartbeatIvl((int) settings.heartbeatInterval().toMillis());
                router.setHeartbeatTimeout((int) settings.heartbeatTimeout().toMillis());
            }
        }
        catch (RuntimeException ex) {
            context.destroySocket(router);
            throw ex;
        }
        try {
            router.bind(settings.bindEndpoint());
            return router;
        }
        catch (RuntimeException ex) {
            context.destroySocket(router);
            if (ex instanceof ZMQException zmq && zmq.getErrorCode() == ZError.EADDRINUSE) {
                throw BindFailures.explain(settings.address(), settings.port(), ex);
            }
            throw new ZeroServerBindException(settings.address(), settings.port(), ex);
        }
    }

    String boundEndpoint() {
        return boundEndpoint;
    }

    int port() {
        return port;
    }

    int inFlight() {
        return loop.inFlight();
    }

    /**
     * Drains (see {@link ServerLoop#stop}) and closes the socket and the context.
     * @return completed once the context is closed (or its close timed out)
     */
    CompletableFuture<Void> shutdown(long gracePeriodNanos) {
        loop.stop(gracePeriodNanos);
        return closed;
    }
}
