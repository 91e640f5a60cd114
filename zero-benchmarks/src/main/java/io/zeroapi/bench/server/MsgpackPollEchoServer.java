package io.zeroapi.bench.server;

import java.io.IOException;
import java.nio.channels.Pipe;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Experiment (not in the default run): the msgpack echo with the receive loop shaped like Zero for Spring's
 * server I/O thread, to tell the cost of that loop from the cost of the framework. Each turn drains the ROUTER
 * with non-blocking {@code recv}, answers inline, and then blocks in a {@link ZMQ.Poller} on the ROUTER and
 * on a wake-up pipe (never written here, as in an inline-only Zero server); with the argument
 * {@code router-only} the poller watches the ROUTER alone.
 */
public final class MsgpackPollEchoServer {

    private static final int BATCH = 256;

    private MsgpackPollEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        ChildProcess.exitWhenParentExits();
        MsgpackEcho echo = new MsgpackEcho();
        Pipe wakeup = Pipe.open();
        wakeup.source().configureBlocking(false);
        try (ZContext context = new ZContext(1); ZMQ.Poller poller = context.createPoller(2)) {
            ZMQ.Socket router = RouterSockets.bindLoopback(context);
            poller.register(router, ZMQ.Poller.POLLIN);
            if (!(args.length > 0 && "router-only".equals(args[0]))) {
                poller.register(wakeup.source(), ZMQ.Poller.POLLIN);
            }
            ChildProcess.announcePort(ChildProcess.portOf(router.getLastEndpoint()));
            while (!Thread.currentThread().isInterrupted()) {
                int received = 0;
                byte[] identity;
                while (received < BATCH && (identity = router.recv(ZMQ.DONTWAIT)) != null) {
                    byte[] frame = router.recv(0);
                    router.send(identity, ZMQ.SNDMORE | ZMQ.DONTWAIT);
                    router.send(echo.reply(frame), ZMQ.DONTWAIT);
                    received++;
                }
                if (received < BATCH) {
                    poller.poll(-1);
                }
            }
        }
    }

}
