package io.zeroapi.bench.load;

import java.util.concurrent.TimeoutException;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A closed-loop caller with its own DEALER: sends one frame and waits for the reply with its sequence number,
 * dropping late replies of earlier timed-out calls.
 */
final class DealerCaller implements BlockingCaller {

    private static final int TIMEOUT_MILLIS = 2_000;

    private final ZContext context;

    private final ZMQ.Socket socket;

    private final ZeroFrames frames;

    private long sequence;

    DealerCaller(ZContext context, String address, ZeroFrames frames) {
        this.context = context;
        this.frames = frames;
        this.socket = DealerSockets.open(context, address, frames);
        socket.setReceiveTimeOut(TIMEOUT_MILLIS);
    }

    @Override
    public void call() throws TimeoutException {
        long expected = sequence++;
        socket.send(frames.frame(expected));
        while (true) {
            byte[] reply = socket.recv();
            if (reply == null) {
                throw new TimeoutException("No reply within " + TIMEOUT_MILLIS + " ms");
            }
            if (ZeroFrames.sequenceOf(reply) == expected) {
                return;
            }
        }
    }

    @Override
    public void close() {
        context.destroySocket(socket);
    }

}
