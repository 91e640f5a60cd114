package io.zeroapi.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.internal.zeromq.AcceptFailures;
import io.zeroapi.internal.zeromq.RouterOptions;
import io.zeroapi.internal.zeromq.SocketWaker;
import io.zeroapi.internal.zeromq.ZmqContexts;
import io.zeroapi.internal.zeromq.ZmqErrors;
import io.zeroapi.internal.zeromq.ZmqSockets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * One incarnation of a server's ZeroMQ transport: a private context, the bound ROUTER and the I/O thread serving
 * it. A failure of the context's JeroMQ I/O thread or of the loop is reported once to the owner, which replaces the
 * whole transport.
 */
final class ZmqServerTransport implements ServerTransport {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private static final int HANDSHAKE_INTERVAL_MS = 10_000;

    static final Duration CONTEXT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final AtomicBoolean failed = new AtomicBoolean();

    private ZContext context;

    private ZmqServerLoop loop;

    private String boundAddress;

    private int port;

    private CompletableFuture<Void> closed;

    private ZmqServerTransport() {
    }

    /**
     * Binds a ROUTER with the settings' options and starts its I/O thread.
     * @param onFailure told once if the transport fails (from the failing thread)
     * @throws ZeroServerPortInUseException if the port is taken
     * @throws ZeroServerBindException if the address cannot be bound for another reason
     */
    static ServerTransport open(ServerSetup setup, ZeroServerSettings settings, Consumer<Throwable> onFailure) {
        ZmqServerTransport transport = new ZmqServerTransport();
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
        String bound = router.getLastEndpoint();
        transport.boundAddress = bound;
        transport.port = Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1));
        RateLimitedLog log = new RateLimitedLog(logger, LOG_INTERVAL);
        ReplyBodies bodies = new ReplyBodies(setup.codec(), settings.maxReplySize());
        ZmqReplyQueue replies = new ZmqReplyQueue(SocketWaker.attach(context, router, "zero-server-wake"));
        CallContext calls = new CallContext(setup.codec(), bodies, (id, body, error) -> ResponseFrame.encode(id, body),
                replies, log, setup.interceptors());
        RequestDispatcher dispatcher = new RequestDispatcher(setup.endpoints(), calls, setup.workers(), settings,
                setup.listener(), transport.port);
        ZmqListenBackoff listen = new ZmqListenBackoff(router, transport.boundAddress,
                AcceptFailures.install(router, replies::wake));
        WorkerPool pool = setup.workers() instanceof WorkerPool fixed ? fixed : null;
        transport.loop = new ZmqServerLoop(router, dispatcher, replies, bodies, log, settings, listen, pool, once);
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
        ZMQ.Socket router = ZmqSockets.router(context, new RouterOptions("Zero server", settings.highWaterMark(),
                settings.maxMessageSize(), HANDSHAKE_INTERVAL_MS, settings.heartbeatInterval(),
                settings.heartbeatTimeout()));
        try {
            router.setBacklog(settings.backlog());
            router.bind(settings.bindAddress());
            return router;
        }
        catch (RuntimeException ex) {
            context.destroySocket(router);
            if (ex instanceof ZMQException zmq && ZmqErrors.isAddressInUse(zmq)) {
                throw BindFailures.explain(settings.address(), settings.port(), ex);
            }
            throw new ZeroServerBindException(settings.address(), settings.port(), ex);
        }
    }

    @Override
    public String boundAddress() {
        return boundAddress;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int inFlight() {
        return loop.inFlight();
    }

    /** Drains (see {@link ZmqServerLoop#stop}) and closes the socket and the context, in bounded time. */
    @Override
    public CompletableFuture<Void> shutdown(long gracePeriodNanos) {
        loop.stop(gracePeriodNanos);
        return closed;
    }
}
