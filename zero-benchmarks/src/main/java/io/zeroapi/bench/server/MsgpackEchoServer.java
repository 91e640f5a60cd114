package io.zeroapi.bench.server;

/**
 * Target (2), the limit with msgpack: the raw single-thread echo with a blocking {@code recv}, but every
 * request is answered by {@link MsgpackEcho} (name parsed, argument decoded into a {@link User} and
 * re-encoded).
 */
public final class MsgpackEchoServer {

    private MsgpackEchoServer() {
    }

    public static void main(String[] args) {
        ChildProcess.exitWhenParentExits();
        RouterSockets.serve(new MsgpackEcho()::reply);
    }
}
