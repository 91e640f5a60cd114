package io.zeroapi.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.zeroapi.codec.ZeroCodec;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Target (2), the limit with msgpack: the raw single-thread echo, but each request's 80-byte name is parsed and
 * looked up, its argument is decoded into a {@link User} with {@link ZeroCodec} and the result is re-encoded
 * into a Zero reply (request id + msgpack body).
 */
public final class MsgpackEchoServer {

    private static final int ID_LENGTH = 16;

    private static final int HEADER_LENGTH = 96;

    private final ZeroCodec codec = new ZeroCodec();

    private final Map<String, UnaryOperator<User>> functions = Map.of("echo", user -> user);

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
                router.send(reply(frame));
            }
        }
    }

    private byte[] reply(byte[] frame) {
        int nameEnd = Math.min(frame.length, HEADER_LENGTH);
        String name = new String(frame, ID_LENGTH, nameEnd - ID_LENGTH, StandardCharsets.UTF_8).strip();
        UnaryOperator<User> function = functions.get(name);
        Object result;
        if (function != null) {
            User user = codec.decode(frame, HEADER_LENGTH, frame.length - HEADER_LENGTH, User.class);
            result = function.apply(user);
        }
        else {
            result = "connect".equals(name) ? "connected" : "unknown function " + name;
        }
        byte[] body = codec.encode(result);
        byte[] reply = new byte[ID_LENGTH + body.length];
        System.arraycopy(frame, 0, reply, 0, ID_LENGTH);
        System.arraycopy(body, 0, reply, ID_LENGTH, body.length);
        return reply;
    }

}
