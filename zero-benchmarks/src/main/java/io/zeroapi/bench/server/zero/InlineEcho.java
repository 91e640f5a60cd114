package io.zeroapi.bench.server.zero;

import io.zeroapi.ZeroRpc;
import io.zeroapi.bench.server.User;

/**
 * Echo on Zero for Spring's documented no-hand-off path: {@code nonBlocking = true} runs it on the I/O thread.
 */
public class InlineEcho {

    @ZeroRpc(value = "echo", nonBlocking = true)
    public User echo(User user) {
        return user;
    }

}
