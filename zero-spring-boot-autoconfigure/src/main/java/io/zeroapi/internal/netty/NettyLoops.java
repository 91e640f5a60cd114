package io.zeroapi.internal.netty;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Netty's native epoll transport where its library loads (Linux), NIO otherwise: single-threaded event loop groups
 * and the matching channel types.
 */
public final class NettyLoops {

    private static final boolean EPOLL = isEpollAvailable();

    private NettyLoops() {
    }

    /** Whether the native epoll transport is in use. */
    public static boolean isEpoll() {
        return EPOLL;
    }

    /** A group of one event loop thread named {@code name}; daemon or not. */
    public static EventLoopGroup group(String name, boolean daemon) {
        IoHandlerFactory handler = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(1, threads(name, daemon), handler);
    }

    /** The type of listening channel for the groups of {@link #group}. */
    public static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The type of connecting channel for the groups of {@link #group}. */
    public static Class<? extends SocketChannel> channel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    private static ThreadFactory threads(String name, boolean daemon) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            thread.setDaemon(daemon);
            return thread;
        };
    }

    private static boolean isEpollAvailable() {
        try {
            return Epoll.isAvailable();
        }
        catch (Throwable ex) {
            return false;
        }
    }
}
