package io.zeroapi.server;

import java.io.IOException;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.DecoderException;
import io.zeroapi.frame.TcpRequest;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.frame.ZeroFrameException;

/**
 * One caller connection of a {@link TcpServerTransport}, on the event loop: parses each frame the
 * {@link io.zeroapi.internal.netty.TcpFrameReader} cuts and hands the request to the dispatcher as a call of its
 * {@link Peer} (named by a per-transport connection number). Requests that are not a map or name no function are
 * answered with Zero's TCP texts; a payload that is not msgpack, a length prefix below 5 or over the inbound limit
 * closes the connection, as Zero's TCP worker does. While the caller leaves its replies unread (the connection is
 * not writable) the connection stops reading its requests.
 */
final class TcpServerConnection extends ChannelInboundHandlerAdapter {

    private final TcpServerLoop loop;

    private final ReplyBodies bodies;

    private final RateLimitedLog log;

    private final byte[] identity;

    private final Peers.Key key;

    private Channel channel;

    /** Whether written to since the last flush (event loop only). */
    boolean dirty;

    TcpServerConnection(TcpServerLoop loop, ReplyBodies bodies, RateLimitedLog log, int number) {
        this.loop = loop;
        this.bodies = bodies;
        this.log = log;
        this.identity = new byte[] { (byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8),
                (byte) number };
        this.key = new Peers.Key(identity);
    }

    Peers.Key key() {
        return key;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        channel = context.channel();
        loop.register(this);
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        loop.unregister(this);
        context.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!channel.isActive()) {
            return;
        }
        byte[] frame = (byte[]) message;
        TcpRequest request;
        try {
            request = TcpRequest.parse(frame);
        }
        catch (ZeroFrameException ex) {
            log.warn("tcp-malformed", "Closing a TCP connection: " + ex.getMessage(), null);
            close();
            return;
        }
        RequestDispatcher dispatcher = loop.dispatcher();
        Peer peer = dispatcher.peer(identity);
        if (request.problem() != null) {
            log.warn("tcp-request", "TCP request refused: " + request.problem(), null);
            dispatcher.answer(peer, request.id(), bodies.error(ZeroErrors.SERVER_EXCEPTION, request.problem()), true);
            return;
        }
        dispatcher.dispatch(peer, request, System.nanoTime());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        channel.config().setAutoRead(channel.isWritable());
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        Throwable problem = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (problem instanceof ZeroFrameException) {
            log.warn("tcp-frame", "Closing a TCP connection: " + problem.getMessage(), null);
        }
        else if (problem instanceof IOException) {
            log.debug("tcp-io", "TCP connection failed: " + problem);
        }
        else {
            log.warn("tcp-error", "Closing a TCP connection after an unexpected failure", problem);
        }
        close();
    }

    /** Writes a reply frame, unflushed. */
    void write(byte[] frame) {
        channel.write(Unpooled.wrappedBuffer(frame), channel.voidPromise());
    }

    void flush() {
        channel.flush();
    }

    /** Bytes written but not yet taken by the system. */
    long pendingWriteBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    void close() {
        channel.close();
    }

    /** Closes once what was written has been sent. */
    void closeAfterWrites() {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
