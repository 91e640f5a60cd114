package io.zeroapi.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The transports of one server life as one: ZeroMQ on {@link ZeroServerSettings#port()}, Zero's TCP protocol on its
 * own port, or both, each with its own I/O thread and books of calls in flight. A failure of either replaces both
 * (the owner rebuilds the whole). {@link #port()} is the ZeroMQ port, {@link #tcpPort()} the TCP one.
 */
final class ServerTransports implements ServerTransport {

    private static final Log logger = LogFactory.getLog(ZeroServer.class);

    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final @Nullable ServerTransport zeromq;

    private final @Nullable ServerTransport tcp;

    private ServerTransports(@Nullable ServerTransport zeromq, @Nullable ServerTransport tcp) {
        this.zeromq = zeromq;
        this.tcp = tcp;
    }

    /**
     * Opens ZeroMQ (when {@code zeromq}) and TCP (when {@code tcpPort} is 0 or more; 0 picks a free port, and later
     * lives bind the port of the first again when they can).
     */
    static ServerTransport.Factory factory(boolean zeromq, int tcpPort) {
        int[] lastTcpPort = { -1 };
        return (setup, settings, onFailure) -> {
            ServerTransport zmq = zeromq ? ZmqServerTransport.open(setup, settings, onFailure) : null;
            ServerTransport opened;
            try {
                opened = tcpPort < 0 ? null : openTcp(setup, settings, onFailure, tcpPort, lastTcpPort[0]);
            }
            catch (RuntimeException ex) {
                if (zmq != null) {
                    await(zmq.shutdown(0));
                }
                throw ex;
            }
            if (opened != null) {
                lastTcpPort[0] = opened.port();
            }
            return new ServerTransports(zmq, opened);
        };
    }

    private static ServerTransport openTcp(ServerSetup setup, ZeroServerSettings settings,
            Consumer<Throwable> onFailure, int port, int previous) {
        if (port == 0 && previous > 0) {
            try {
                return TcpServerTransport.open(setup, settings.withPort(previous), onFailure);
            }
            catch (ZeroServerPortInUseException ex) {
                logger.warn("Zero server cannot bind its previous TCP port " + previous + " again ("
                        + ex.getMessage() + "); binding a new free port: clients holding the old port will not reach it");
            }
        }
        return TcpServerTransport.open(setup, settings.withPort(port), onFailure);
    }

    private static void await(CompletableFuture<Void> future) {
        try {
            future.get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (Exception ex) {
            logger.debug("Zero server transport did not close cleanly", ex);
        }
    }

    @Override
    public String boundAddress() {
        if (tcp == null) {
            return zeromq.boundAddress();
        }
        String tcpAddress = tcp.boundAddress() + " (TCP protocol)";
        return zeromq == null ? tcpAddress : zeromq.boundAddress() + " (ZeroMQ), " + tcpAddress;
    }

    @Override
    public int port() {
        return zeromq == null ? -1 : zeromq.port();
    }

    @Override
    public int tcpPort() {
        return tcp == null ? -1 : tcp.port();
    }

    @Override
    public int inFlight() {
        return (zeromq == null ? 0 : zeromq.inFlight()) + (tcp == null ? 0 : tcp.inFlight());
    }

    @Override
    public CompletableFuture<Void> shutdown(long gracePeriodNanos) {
        CompletableFuture<Void> zmqClosed = zeromq == null ? CompletableFuture.completedFuture(null)
                : zeromq.shutdown(gracePeriodNanos);
        CompletableFuture<Void> tcpClosed = tcp == null ? CompletableFuture.completedFuture(null)
                : tcp.shutdown(gracePeriodNanos);
        return CompletableFuture.allOf(zmqClosed, tcpClosed);
    }
}
