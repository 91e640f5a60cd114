package io.zeroapi.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.zeroapi.frame.TcpFrame;
import io.zeroapi.internal.netty.NettyLoops;
import io.zeroapi.internal.netty.TcpFrameReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One incarnation of a server's transport for Zero's TCP protocol (zeroapi 1.0): a Netty listening socket and its
 * connections on one event loop thread (epoll where available, NIO otherwise), which runs the same request handling
 * as the ZeroMQ transport ({@link RequestDispatcher}) with its own books of calls in flight. Reply frames carry the
 * request's 4-byte id and the error flag, set for Zero's error maps and for any map a handler returns with a
 * {@code __zerror__} key (as Zero's TCP worker does).
 */
final class TcpServerTransport implements ServerTransport {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 512 * 1024);

    private static final long CLOSE_QUIET_MS = 20;

    private static final long CLOSE_TIMEOUT_MS = 1000;

    private final EventLoopGroup group;

    private final TcpServerLoop loop;

    private final Channel listener;

    private final String boundAddress;

    private final int port;

    private final AtomicBoolean stopping = new AtomicBoolean();

    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private TcpServerTransport(EventLoopGroup group, TcpServerLoop loop, Channel listener) {
        this.group = group;
        this.loop = loop;
        this.listener = listener;
        InetSocketAddress local = (InetSocketAddress) listener.localAddress();
        this.port = local.getPort();
        String host = local.getAddress().isAnyLocalAddress() ? "0.0.0.0" : local.getAddress().getHostAddress();
        this.boundAddress = "tcp://" + host + ":" + port;
    }

    /**
     * Binds {@code settings.address()}:{@code settings.port()} and serves Zero's TCP protocol there; connections are
     * accepted only once the request handling is set up.
     * @param onFailure told once if the listening socket closes while the transport is not stopping
     * @throws ZeroServerPortInUseException if the port is taken
     * @throws ZeroServerBindException if the address cannot be bound for another reason
     */
    static ServerTransport open(ServerSetup setup, ZeroServerSettings settings, Consumer<Throwable> onFailure) {
        EventLoopGroup group = NettyLoops.group("zero-tcp-server", false);
        RateLimitedLog log = new RateLimitedLog(logger, LOG_INTERVAL);
        ReplyBodies bodies = new ReplyBodies(setup.codec(), settings.maxReplySize());
        TcpServerLoop loop = new TcpServerLoop(group.next(), settings.peerBufferBudget(), log);
        CallContext calls = new CallContext(setup.codec(), bodies,
                (id, body, error) -> TcpFrame.reply(id, body, error || TcpFrame.isErrorMap(body)), loop, log,
                setup.interceptors());
        AtomicInteger connections = new AtomicInteger();
        ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group)
            .channel(NettyLoops.serverChannel())
            .option(ChannelOption.SO_BACKLOG, settings.backlog())
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new TcpFrameReader(settings.maxMessageSize()),
                            new TcpServerConnection(loop, bodies, log, connections.incrementAndGet()));
                }
            });
        Channel listener;
        try {
            ChannelFuture bound = bootstrap.bind(socketAddress(settings)).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw bindFailure(settings, bound.cause());
            }
            listener = bound.channel();
        }
        catch (RuntimeException ex) {
            group.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            throw ex;
        }
        TcpServerTransport transport = new TcpServerTransport(group, loop, listener);
        loop.dispatcher(new RequestDispatcher(setup.endpoints(), calls, setup.workers(), settings, setup.listener(),
                transport.port));
        Duration callTimeout = settings.callTimeout();
        if (!callTimeout.isZero() && !callTimeout.isNegative()) {
            long tick = DeadlineTicker.tickNanos(callTimeout);
            group.next().scheduleAtFixedRate(loop::expireCalls, tick, tick, TimeUnit.NANOSECONDS);
        }
        listener.closeFuture().addListener(future -> {
            if (!transport.stopping.get()) {
                onFailure.accept(new IllegalStateException("the Zero TCP listening socket closed"));
            }
        });
        listener.config().setAutoRead(true);
        return transport;
    }

    private static InetSocketAddress socketAddress(ZeroServerSettings settings) {
        String address = settings.address();
        if ("*".equals(address)) {
            return new InetSocketAddress(settings.port());
        }
        return new InetSocketAddress(address, settings.port());
    }

    private static RuntimeException bindFailure(ZeroServerSettings settings, Throwable cause) {
        Exception reported = cause instanceof Exception ex ? ex : new IllegalStateException(cause);
        return BindFailures.explain(settings.address(), settings.port(), true, reported);
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

    /** Drains (see {@link TcpServerLoop#stop}), closes the connections and the listening socket, in bounded time. */
    @Override
    public CompletableFuture<Void> shutdown(long gracePeriodNanos) {
        stopping.set(true);
        if (group.isShuttingDown()) {
            return closed;
        }
        loop.stop(gracePeriodNanos).thenRun(() -> {
            listener.close();
            group.shutdownGracefully(CLOSE_QUIET_MS, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .addListener(future -> closed.complete(null));
        });
        return closed;
    }
}
