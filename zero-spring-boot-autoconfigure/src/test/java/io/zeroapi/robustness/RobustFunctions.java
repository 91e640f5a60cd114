package io.zeroapi.robustness;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zeroapi.ZeroRpc;

/**
 * Functions for the robustness tests: echoes whose reply is derived from the argument, calls the test holds
 * (asynchronous futures it completes, sync calls blocked on a latch) and counts while they are in progress,
 * and handlers that throw {@code Error}s.
 */
public class RobustFunctions {

    /** A user as the soak and cross-talk tests send it. */
    public record User(long id, String name, String email) {
    }

    /** An asynchronous call held by the test. */
    public record Held(String argument, CompletableFuture<String> future) {
    }

    final BlockingQueue<Held> held = new LinkedBlockingQueue<>();

    final AtomicInteger inProgress = new AtomicInteger();

    final AtomicInteger maxInProgress = new AtomicInteger();

    final AtomicInteger interrupted = new AtomicInteger();

    volatile CountDownLatch gate = new CountDownLatch(1);

    @ZeroRpc("echo")
    public String echo(String value) {
        return "echo:" + value;
    }

    @ZeroRpc(value = "inline_echo", nonBlocking = true)
    public String inlineEcho(String value) {
        return "inline:" + value;
    }

    @ZeroRpc("user_echo")
    public User userEcho(User user) {
        return new User(user.id() + 1, user.name().toUpperCase(), user.email());
    }

    /** Held until the test completes the future through {@link #complete(Held)}. */
    @ZeroRpc("held")
    public CompletableFuture<String> held(String value) {
        enter();
        CompletableFuture<String> future = new CompletableFuture<>();
        held.add(new Held(value, future));
        return future;
    }

    /** Blocks a worker until the test opens {@link #gate}. */
    @ZeroRpc("blocked")
    public String blocked(String value) throws InterruptedException {
        enter();
        try {
            return gate.await(60, TimeUnit.SECONDS) ? "blocked:" + value : "gate never opened";
        }
        finally {
            inProgress.decrementAndGet();
        }
    }

    /** A function without a parameter. */
    @ZeroRpc("ping")
    public String ping() {
        return "pong";
    }

    /** Sleeps on a worker until interrupted, counting the interruptions. */
    @ZeroRpc("sleep_forever")
    public String sleepForever(String value) {
        enter();
        try {
            Thread.sleep(Long.MAX_VALUE);
            return "woke:" + value;
        }
        catch (InterruptedException ex) {
            interrupted.incrementAndGet();
            return "interrupted:" + value;
        }
        finally {
            inProgress.decrementAndGet();
        }
    }

    /** A string of {@code size} characters. */
    @ZeroRpc("big_reply")
    public String bigReply(int size) {
        return "x".repeat(size);
    }

    /** Real recursion until the stack overflows, on a worker. */
    @ZeroRpc("recurse")
    public int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @ZeroRpc("assert_fail")
    public String assertFail(String message) {
        throw new AssertionError(message);
    }

    @ZeroRpc(value = "inline_assert_fail", nonBlocking = true)
    public String inlineAssertFail(String message) {
        throw new AssertionError(message);
    }

    @ZeroRpc("async_error")
    public CompletableFuture<String> asyncError(String message) {
        return CompletableFuture.failedFuture(new AssertionError(message));
    }

    /** Completes a held call with {@code held:<argument>}, counting it out of progress first. */
    void complete(Held call) {
        inProgress.decrementAndGet();
        call.future().complete("held:" + call.argument());
    }

    /** Completes every held call now. */
    int completeAll() {
        int count = 0;
        Held call;
        while ((call = held.poll()) != null) {
            complete(call);
            count++;
        }
        return count;
    }

    private void enter() {
        int now = inProgress.incrementAndGet();
        maxInProgress.accumulateAndGet(now, Math::max);
    }
}
