package io.zeroapi.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.zeroapi.ZeroConnectionLostException;
import io.zeroapi.frame.TcpFrame;
import io.zeroapi.frame.ZeroFrameException;
import io.zeroapi.internal.netty.TcpFrameReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One connection of a {@link TcpClientTransport}'s pool, on its event loop: connects (again after a loss, waiting
 * 100 ms doubling to 5 s while it keeps failing), writes the requests handed to it, and completes the calls whose
 * replies come back, matched by id; a reply to a call that is no longer pending (timed out, cancelled) is dropped.
 * When the connection breaks (the server went away or closed it, or a reply over {@code max-reply-size} came), the
 * calls sent on it fail at once with {@link ZeroConnectionLostException}.
 */
final class TcpClientConnection {

    private static final Log logger = LogFactory.getLog(ZeroConnection.class);

    private static final long BACKOFF_MIN_MS = 100;

    private static final long BACKOFF_MAX_MS = 5000;

    private final TcpClientTransport transport;

    private final Bootstrap bootstrap;

    private final Set<PendingCall> sent = new HashSet<>();

    private @Nullable Channel channel;

    private boolean connecting;

    private boolean reconnectScheduled;

    private long backoffMs = BACKOFF_MIN_MS;

    private boolean warned;

    /** Whether written to since the last flush. */
    boolean dirty;

    TcpClientConnection(TcpClientTransport transport, Bootstrap bootstrap) {
        this.transport = transport;
        this.bootstrap = bootstrap;
    }

    boolean isActive() {
        return channel != null;
    }

    /** Connects unless connected or connecting (or a reconnection is scheduled). */
    void connect() {
        if (channel != null || connecting || reconnectScheduled || transport.isClosing()) {
            return;
        }
        connecting = true;
        Bootstrap attempt = bootstrap.clone().handler(new Handler());
        ChannelFuture future = attempt.connect(transport.host(), transport.port());
        future.addListener(done -> {
            if (!done.isSuccess()) {
                connecting = false;
                if (!warned && !transport.isClosing()) {
                    warned = true;
                    logger.warn(transport.name() + ": cannot connect to " + transport.address() + " (Zero TCP protocol): "
                            + done.cause() + "; retrying");
                }
                reconnectLater();
            }
        });
    }

    private void reconnectLater() {
        if (transport.isClosing() || reconnectScheduled) {
            return;
        }
        reconnectScheduled = true;
        long delay = backoffMs;
        backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
        transport.loop().schedule(() -> {
            reconnectScheduled = false;
            connect();
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Writes a call's request, unflushed. */
    void send(PendingCall call) {
        Channel active = channel;
        active.write(Unpooled.wrappedBuffer(call.frame), active.voidPromise());
        call.markSent();
        sent.add(call);
    }

    void flush() {
        dirty = false;
        if (channel != null) {
            channel.flush();
        }
    }

    /** Forgets the calls sent on it that ended without a reply (timed out, cancelled). */
    void prune() {
        sent.removeIf(PendingCall::isDone);
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    private void reply(byte[] frame) {
        PendingCall call = transport.calls().take(TcpClientTransport.id(TcpFrame.requestId(frame)));
        if (call == null) {
            return;
        }
        sent.remove(call);
        call.complete(frame, TcpFrame.HEADER_LENGTH);
    }

    private void lost(Channel closed) {
        if (channel != closed) {
            return;
        }
        channel = null;
        ArrayList<PendingCall> waiting = new ArrayList<>(sent);
        sent.clear();
        int failed = 0;
        for (PendingCall call : waiting) {
            if (!call.isDone()) {
                call.fail(new ZeroConnectionLostException(call.rpc, call.address,
                        "connection lost before the reply; a reply larger than max-reply-size ("
                                + transport.maxReplySize() + ") closes the connection"));
                failed++;
            }
        }
        if (!transport.isClosing()) {
            logger.warn(transport.name() + ": Zero client lost a TCP connection to " + transport.address() + ": "
                    + failed + " call(s) waiting for a reply failed; reconnecting");
            transport.connectionLost();
            reconnectLater();
        }
    }

    /** The pipeline's end of one channel of this connection. */
    private final class Handler extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            context.pipeline().addBefore(context.name(), null, new TcpFrameReader(transport.maxReplyPayload()));
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            connecting = false;
            if (transport.isClosing()) {
                context.close();
                return;
            }
            channel = context.channel();
            backoffMs = BACKOFF_MIN_MS;
            if (warned) {
                warned = false;
                logger.info(transport.name() + ": Zero client connected to " + transport.address() + " again");
            }
            transport.connected(TcpClientConnection.this);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            lost(context.channel());
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            reply((byte[]) message);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            Throwable problem = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause()
                    : cause;
            if (problem instanceof ZeroFrameException) {
                logger.warn(transport.name() + ": closing the TCP connection to " + transport.address() + ": "
                        + problem.getMessage());
            }
            else if (!(problem instanceof IOException)) {
                logger.warn(transport.name() + ": closing the TCP connection to " + transport.address()
                        + " after an unexpected failure", problem);
            }
            context.close();
        }
    }
}
