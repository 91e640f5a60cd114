package io.zeroapi.bench.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Keeps {@code inFlight} frames outstanding over one DEALER owned by one thread, which sends a new frame for
 * every reply and matches replies to send times by sequence number (raw JeroMQ {@code wN}).
 */
final class DealerWindowLoad implements Load {

    private static final int POLL_MILLIS = 100;

    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final ZContext context;

    private final String address;

    private final ZeroFrames frames;

    private final int inFlight;

    private final long[] sendTimes;

    private volatile boolean stopped;

    private Thread thread;

    DealerWindowLoad(ZContext context, String address, ZeroFrames frames, int inFlight) {
        this.context = context;
        this.address = address;
        this.frames = frames;
        this.inFlight = inFlight;
        this.sendTimes = new long[Integer.highestOneBit(inFlight * 4 - 1) << 1];
    }

    @Override
    public void start(Recorder recorder) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        thread = new Thread(() -> run(recorder, ready), "window-" + inFlight);
        thread.setDaemon(true);
        thread.start();
        if (!ready.await(30, TimeUnit.SECONDS)) {
            stop();
            throw new IllegalStateException("DEALER not connected to " + address);
        }
    }

    private void run(Recorder recorder, CountDownLatch ready) {
        ZMQ.Socket socket = DealerSockets.open(context, address, frames);
        socket.setReceiveTimeOut(POLL_MILLIS);
        int mask = sendTimes.length - 1;
        long next = 0;
        long outstanding = 0;
        ready.countDown();
        try {
            for (; next < inFlight; next++, outstanding++) {
                sendTimes[(int) (next & mask)] = System.nanoTime();
                socket.send(frames.frame(next));
            }
            long drainDeadline = Long.MAX_VALUE;
            while (outstanding > 0 && System.nanoTime() < drainDeadline) {
                byte[] reply = socket.recv();
                if (reply == null) {
                    if (stopped && drainDeadline == Long.MAX_VALUE) {
                        drainDeadline = System.nanoTime() + DRAIN_NANOS;
                    }
                    continue;
                }
                long sequence = ZeroFrames.sequenceOf(reply);
                if (sequence < 0 || sequence >= next) {
                    continue;
                }
                recorder.completed(sendTimes[(int) (sequence & mask)]);
                outstanding--;
                if (stopped) {
                    if (drainDeadline == Long.MAX_VALUE) {
                        drainDeadline = System.nanoTime() + DRAIN_NANOS;
                    }
                }
                else {
                    sendTimes[(int) (next & mask)] = System.nanoTime();
                    socket.send(frames.frame(next++));
                    outstanding++;
                }
            }
            if (outstanding > 0) {
                recorder.failed();
            }
        }
        finally {
            context.destroySocket(socket);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(DRAIN_NANOS) + 2_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
