package io.zeroapi.bench.server.zero;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroRpc;
import io.zeroapi.bench.server.User;

/**
 * Asynchronous echo for the async scenario: returns a future that a timer completes 10 ms later, so no worker
 * is held while the call waits.
 */
public class DelayedEcho implements AutoCloseable {

    private static final long DELAY_MILLIS = 10;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "echo-timer");
        thread.setDaemon(true);
        return thread;
    });

    @ZeroRpc("echo")
    public CompletableFuture<User> echo(User user) {
        CompletableFuture<User> reply = new CompletableFuture<>();
        timer.schedule(() -> reply.complete(user), DELAY_MILLIS, TimeUnit.MILLISECONDS);
        return reply;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

}
