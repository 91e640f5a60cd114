package io.zeroapi.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A bare JeroMQ ROUTER on its own thread standing in for a Zero server: it records every request frame and
 * answers each with what its handler returns (nothing for {@code null}), optionally in reversed order per
 * batch of requests read together. Frames queued with {@link #send} are sent from its thread.
 */
final class RawRouter implements AutoCloseable {

    record Request(byte[] identity, byte[] frame) {
    }

    private final ZContext context;

    private final ZMQ.Socket socket;

    private final Function<byte[], byte[]> handler;

    private final boolean reverse;

    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    private final Queue<Request> outbox = new ConcurrentLinkedQueue<>();

    private final Thread thread;

    private final int port;

    private volatile boolean running = true;

    RawRouter(ZContext context, String endpoint, Function<byte[], byte[]> handler, boolean reverse) {
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

    static RawRouter start(ZContext context, Function<byte[], byte[]> handler) {
        return new RawRouter(context, "tcp://127.0.0.1:*", handler, false);
    }

    int port() {
        return port;
    }

    String address() {
        return "tcp://127.0.0.1:" + port;
    }

    BlockingQueue<Request> received() {
        return received;
    }

    /** Queues a frame for a peer; sent from the router's thread. */
    void send(byte[] identity, byte[] frame) {
        outbox.add(new Request(identity, frame));
    }

    private void run() {
        try (ZMQ.Poller poller = context.createPoller(1)) {
            poller.register(socket, ZMQ.Poller.POLLIN);
            while (running) {
                poller.poll(20);
                List<Request> replies = new ArrayList<>();
                ZMQ.Socket s = socket;
                byte[] identity;
                while ((identity = s.recv(ZMQ.DONTWAIT)) != null) {
                    byte[] frame = s.recv();
                    received.add(new Request(identity, frame));
                    byte[] reply = handler.apply(frame);
                    if (reply != null) {
                        replies.add(new Request(identity, reply));
                    }
                }
                if (reverse) {
                    java.util.Collections.reverse(replies);
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

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
