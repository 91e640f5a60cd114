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
 * {@code router-only} the poller watches the ROUTER alone. Every second it logs how often the loop turned
 * and polled so far, so a spin outside {@code ZMQ.Poller.poll} can be told from one inside it.
 */
public final class MsgpackPollEchoServer {

    /** Counts, for the log, how often the loop turns and polls per request, to tell an outer spin from an inner one. */
    private static final class LoopCounters {

        private volatile long requests;

        private volatile long turns;

        private volatile long emptyTurns;

        private volatile long polls;

        private volatile long pollsWithoutEvent;

        void turn(int received) {
            requests += received;
            turns++;
            if (received == 0) {
                emptyTurns++;
            }
        }

        void polled(int events) {
            polls++;
            if (events <= 0) {
                pollsWithoutEvent++;
            }
        }

        void printEverySecond() {
            Thread printer = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(1_000);
                        print();
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }, "print-counters");
            printer.setDaemon(true);
            printer.start();
        }

        void print() {
            System.out.printf("requests %d, loop turns %d (%d received nothing), polls %d (%d without event)%n",
                    requests, turns, emptyTurns, polls, pollsWithoutEvent);
            System.out.flush();
        }

    }

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
            LoopCounters counters = new LoopCounters();
            counters.printEverySecond();
            while (!Thread.currentThread().isInterrupted()) {
                int received = 0;
                byte[] identity;
                while (received < BATCH && (identity = router.recv(ZMQ.DONTWAIT)) != null) {
                    byte[] frame = router.recv(0);
                    router.send(identity, ZMQ.SNDMORE | ZMQ.DONTWAIT);
                    router.send(echo.reply(frame), ZMQ.DONTWAIT);
                    received++;
                }
                counters.turn(received);
                if (received < BATCH) {
                    counters.polled(poller.poll(-1));
                }
            }
        }
    }

}
