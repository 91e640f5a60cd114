package io.zeroapi.bench.server.zero;

import io.zeroapi.ZeroRpc;
import io.zeroapi.bench.server.User;

/**
 * Echo on Zero for Spring's default path for plain methods: it runs on the worker pool
 * ({@code zero.server.workers}).
 */
public class SyncEcho {

    @ZeroRpc("echo")
    public User echo(User user) {
        return user;
    }

}
