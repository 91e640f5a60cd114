package io.zeroapi.bench.server;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Target (2), the limit with msgpack: the raw single-thread echo with a blocking {@code recv}, but every
 * request is answered by {@link MsgpackEcho} (name parsed, argument decoded into a {@link User} and
 * re-encoded).
 */
public final class MsgpackEchoServer {

    private final MsgpackEcho echo = new MsgpackEcho();

    private MsgpackEchoServer() {
    }

    public static void main(String[] args) {
        ChildProcess.exitWhenParentExits();
        new MsgpackEchoServer().serve();
    }

    private void serve() {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket router = RouterSockets.bindLoopback(context);
            ChildProcess.announcePort(ChildProcess.portOf(router.getLastEndpoint()));
            while (!Thread.currentThread().isInterrupted()) {
                byte[] identity = router.recv();
                byte[] frame = router.recv();
                router.sendMore(identity);
                router.send(echo.reply(frame));
            }
        }
    }

}
