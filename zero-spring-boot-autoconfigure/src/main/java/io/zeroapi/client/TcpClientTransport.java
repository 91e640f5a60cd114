package io.zeroapi.client;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.frame.TcpFrame;
import io.zeroapi.internal.netty.NettyLoops;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One life of a {@link ZeroConnection}'s transport over Zero 1.0's TCP protocol: a small pool of TCP connections to
 * one server on a Netty event loop thread of its own (epoll where available, NIO otherwise), with any number of calls
 * in flight on each connection, matched to their replies by the 4-byte request id (Zero's own client sends one call
 * at a time per connection; its server copies the ids, so this is allowed, and replies may come in any order).
 * <p>
 * The pool's connections are opened on the first call (at once for a member of a group) and each is reopened after a
 * loss; calls are written, in turn, to the connections that are up, and wait in order while none is. Callers hand
 * their calls over through a lock-free queue and one task per batch writes them and flushes each connection once.
 * There is no handshake on TCP (as in Zero): a connection counts as connected once it is established. If a task on
 * the event loop throws, the transport fails: its pending calls fail at once with {@link ZeroConnectionException}
 * and the connection opens a new transport for its next call.
 */
final class TcpClientTransport implements ClientTransport {

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    /** Bytes a request takes besides its argument and its function name: header, map, keys, name header. */
    static final int REQUEST_OVERHEAD = TcpFrame.HEADER_LENGTH + 1 + 3 + 5 + 5;

    private static final int CONNECT_TIMEOUT_MS = 3000;

    private static final long PRUNE_INTERVAL_MS = 1000;

    private static final long CLOSE_TIMEOUT_MS = 500;

    private final String name;

    private final String address;

    private final String host;

    private final int port;

    private final ZeroConnectionSettings settings;

    private final ConnectionStatus status;

    private final PendingCalls calls = new PendingCalls();

    private final EventLoopGroup group;

    private final EventLoop loop;

    private final TcpClientConnection[] pool;

    private final Queue<PendingCall> submitted = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private final TransportEnd end;

    private final ArrayDeque<PendingCall> backlog = new ArrayDeque<>();

    private final Runnable drain = this::drain;


    private boolean started;

    private int turn;

    /**
     * The protocol with a pool of {@code connections} per server; its request ids count up from 1 per connection to
     * a server, wrapping at 2^32, as Zero's client's do.
     */
    static ClientTransport.Protocol protocol(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("a TCP client needs at least 1 connection, got " + connections);
        }
        AtomicInteger ids = new AtomicInteger();
        return new ClientTransport.Protocol() {

            @Override
            public int requestOverhead() {
                return REQUEST_OVERHEAD;
            }

            @Override
            public RequestId newId() {
                return id(ids.incrementAndGet());
            }

            @Override
            public byte[] encodeRequest(RequestId id, String rpc, byte @Nullable [] payload) {
                return TcpFrame.request((int) id.low(), rpc, payload);
            }

            @Override
            public ClientTransport open(String name, String address, ZeroConnectionSettings settings,
                    ConnectionStatus status, boolean keepConnected) {
                return new TcpClientTransport(name, address, settings, status, connections, keepConnected);
            }
        };
    }

    /** The pending-call key of a 4-byte request id. */
    static RequestId id(int requestId) {
        return new RequestId(0, requestId & 0xFFFFFFFFL);
    }

    private TcpClientTransport(String name, String address, ZeroConnectionSettings settings, ConnectionStatus status,
            int connections, boolean keepConnected) {
        this.name = name;
        this.address = address;
        this.end = new TransportEnd(address);
        this.settings = settings;
        this.status = status;
        String hostPort = address.startsWith("tcp://") ? address.substring("tcp://".length()) : address;
        int colon = hostPort.lastIndexOf(':');
        String rawHost = hostPort.substring(0, colon);
        this.host = rawHost.startsWith("[") && rawHost.endsWith("]") ? rawHost.substring(1, rawHost.length() - 1)
                : rawHost;
        this.port = Integer.parseInt(hostPort.substring(colon + 1));
        this.group = NettyLoops.group(name, true);
        this.loop = group.next();
        Bootstrap bootstrap = new Bootstrap()
            .group(loop)
            .channel(NettyLoops.channel())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS);
        this.pool = new TcpClientConnection[connections];
        for (int i = 0; i < connections; i++) {
            pool[i] = new TcpClientConnection(this, bootstrap);
        }
        if (keepConnected) {
            execute(this::start);
        }
    }

    @Override
    public PendingCalls calls() {
        return calls;
    }

    @Override
    public void submit(PendingCall call) {
        submitted.add(call);
        if (drainScheduled.compareAndSet(false, true)) {
            execute(drain);
        }
    }

    @Override
    public void execute(Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                }
                catch (Throwable ex) {
                    fail(ex);
                }
            });
        }
        catch (RuntimeException ex) {
            if (!end.isClosing()) {
                fail(ex);
            }
        }
    }

    @Override
    public boolean isUsable() {
        return end.isUsable();
    }

    @Override
    public @Nullable ZeroConnectionException refusal(String rpc) {
        return end.refusal(rpc);
    }

    @Override
    public boolean isFinished() {
        return group.isTerminated();
    }

    @Override
    public void close(long deadlineNanos) {
        end.closing();
        calls.failAll(call -> ClientTransport.closedException(call.rpc, address));
        if (!group.isShuttingDown()) {
            try {
                loop.execute(() -> {
                    for (TcpClientConnection connection : pool) {
                        connection.close();
                    }
                });
            }
            catch (RuntimeException ex) {
                logger.debug(name + ": the event loop is already stopping", ex);
            }
            group.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        if (!loop.inEventLoop()) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0 && !group.terminationFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                logger.warn(name + ": the event loop of the Zero TCP client of " + address + " did not end in time; "
                        + "leaving it (a daemon thread) behind");
            }
        }
        calls.failAll(call -> ClientTransport.closedException(call.rpc, address));
    }

    private void start() {
        if (started || end.isClosing()) {
            return;
        }
        started = true;
        status.connecting(address);
        for (TcpClientConnection connection : pool) {
            connection.connect();
        }
        loop.scheduleAtFixedRate(this::prune, PRUNE_INTERVAL_MS, PRUNE_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** Takes the calls handed over, writes what the connections that are up can take, flushes each once. */
    private void drain() {
        drainScheduled.set(false);
        start();
        PendingCall call;
        while ((call = submitted.poll()) != null) {
            backlog.add(call);
        }
        sendBacklog();
    }

    private void sendBacklog() {
        PendingCall call;
        while ((call = backlog.peek()) != null) {
            if (call.isDone()) {
                backlog.poll();
                continue;
            }
            TcpClientConnection connection = nextActive();
            if (connection == null) {
                break;
            }
            backlog.poll();
            connection.send(call);
            connection.dirty = true;
        }
        for (TcpClientConnection connection : pool) {
            if (connection.dirty) {
                connection.flush();
            }
        }
    }

    private @Nullable TcpClientConnection nextActive() {
        for (int i = 0; i < pool.length; i++) {
            TcpClientConnection candidate = pool[turn];
            turn = turn + 1 == pool.length ? 0 : turn + 1;
            if (candidate.isActive()) {
                return candidate;
            }
        }
        return null;
    }

    private void prune() {
        backlog.removeIf(PendingCall::isDone);
        for (TcpClientConnection connection : pool) {
            connection.prune();
        }
    }

    /** A connection of the pool is up: the server counts as connected, and the calls waiting go out. */
    void connected(TcpClientConnection connection) {
        status.connected(address);
        sendBacklog();
    }

    /** A connection of the pool broke: the server counts as lost while none is up. */
    void connectionLost() {
        for (TcpClientConnection connection : pool) {
            if (connection.isActive()) {
                return;
            }
        }
        status.lost(address);
    }

    private void fail(Throwable cause) {
        if (end.isClosing() || !end.fail(cause)) {
            return;
        }
        status.lost(address);
        int failed = calls.failAll(call -> end.failedException(call.rpc, cause));
        logger.error(name + ": Zero TCP client transport to " + address + " failed: " + cause + "; " + failed
                + " pending call(s) failed, reconnecting on the next call", cause);
        end.closing();
        group.shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }


    String name() {
        return name;
    }

    String address() {
        return address;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    EventLoop loop() {
        return loop;
    }

    boolean isClosing() {
        return end.isClosing();
    }

    String maxReplySize() {
        return settings.describeMaxReplySize();
    }

    /** The largest reply payload accepted, -1 for no limit. */
    long maxReplyPayload() {
        long max = settings.maxReplySize();
        return max < 0 ? -1 : Math.max(0, max - TcpFrame.HEADER_LENGTH);
    }
}
