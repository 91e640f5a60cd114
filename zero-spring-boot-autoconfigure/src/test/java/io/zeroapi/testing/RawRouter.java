package io.zeroapi.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import io.zeroapi.frame.RequestFrame;
import io.zeroapi.frame.ResponseFrame;
import io.zeroapi.frame.ZeroFrameException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A bare JeroMQ ROUTER on its own thread standing in for a Zero server: it answers Zero's {@code connect}
 * handshake with {@code "connected"} like a Zero server, records every other request frame and answers each with
 * what its handler returns (nothing for {@code null}), optionally in reversed order per batch of requests read
 * together. Frames queued with {@link #send} are sent from its thread.
 */
public final class RawRouter implements AutoCloseable {

    /** A request frame and the identity of the peer that sent it. */
    public record Request(byte[] identity, byte[] frame) {
    }

    private static final byte[] CONNECTED = Codecs.CODEC.encode("connected");

    private final ZContext context;

    private final ZMQ.Socket socket;

    private final Function<byte[], byte[]> handler;

    private final boolean reverse;

    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    private final Queue<Request> outbox = new ConcurrentLinkedQueue<>();

    private final Thread thread;

    private final int port;

    private volatile boolean running = true;

    /**
     * @param endpoint where to bind, e.g. {@code tcp://127.0.0.1:*}
     * @param handler the reply frame to a request frame, or {@code null} for none
     * @param reverse whether to answer each batch of requests read together in reversed order
     */
    public RawRouter(ZContext context, String endpoint, Function<byte[], byte[]> handler, boolean reverse) {
        this.context = context;
        this.handler = handler;
        this.reverse = reverse;
        this.socket = context.createSocket(SocketType.ROUTER);
        this.socket.setLinger(0);
        this.socket.setSndHWM(0);
        this.socket.setRcvHWM(0);
        this.socket.bind(endpoint);
        String last = socket.getLastEndpoint();
        this.port = Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
        this.thread = new Thread(this::run, "raw-router-" + port);
        this.thread.start();
    }

    /** A router on a free loopback port answering in order. */
    public static RawRouter start(ZContext context, Function<byte[], byte[]> handler) {
        return new RawRouter(context, "tcp://127.0.0.1:*", handler, false);
    }

    /** A handler that echoes the payload of every request, except for function {@code slow}, which gets no reply. */
    public static byte[] echoExceptSlow(byte[] frame) {
        RequestFrame request = RequestFrame.parse(frame);
        if (request.function().equals("slow")) {
            return null;
        }
        return ResponseFrame.encode(request.id(), Requests.payload(request));
    }

    public int port() {
        return port;
    }

    public String address() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The request frames received so far, handshakes aside. */
    public BlockingQueue<Request> received() {
        return received;
    }

    /** Queues a frame for a peer; sent from the router's thread. */
    public void send(byte[] identity, byte[] frame) {
        outbox.add(new Request(identity, frame));
    }

    private void run() {
        try (ZMQ.Poller poller = context.createPoller(1)) {
            poller.register(socket, ZMQ.Poller.POLLIN);
            while (running) {
                poller.poll(20);
                List<Request> replies = new ArrayList<>();
                byte[] identity;
                while ((identity = socket.recv(ZMQ.DONTWAIT)) != null) {
                    byte[] frame = socket.recv();
                    if (isConnect(frame)) {
                        byte[] id = RequestFrame.parse(frame).id();
                        replies.add(new Request(identity, ResponseFrame.encode(id, CONNECTED)));
                        continue;
                    }
                    received.add(new Request(identity, frame));
                    byte[] reply = handler.apply(frame);
                    if (reply != null) {
                        replies.add(new Request(identity, reply));
                    }
                }
                if (reverse) {
                    Collections.reverse(replies);
                }
                Request queued;
                while ((queued = outbox.poll()) != null) {
                    replies.add(queued);
                }
                for (Request reply : replies) {
                    socket.sendMore(reply.identity());
                    socket.send(reply.frame());
                }
            }
        }
        finally {
            context.destroySocket(socket);
        }
    }

    private static boolean isConnect(byte[] frame) {
        try {
            return "connect".equals(RequestFrame.parse(frame).function());
        }
        catch (ZeroFrameException ex) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
