package io.zeroapi.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroRpc;
import reactor.core.publisher.Mono;

/**
 * Functions whose progress the test controls, to prove which thread runs what.
 */
public class ControlledFunctions {

    final CompletableFuture<String> pending = new CompletableFuture<>();

    final CountDownLatch blockingEntered = new CountDownLatch(1);

    final CountDownLatch releaseBlocking = new CountDownLatch(1);

    /** Self-referencing value: the codec cannot encode it. */
    static final class Loop {

        Loop self = this;
    }

    @ZeroRpc
    public CompletableFuture<String> pending() {
        return pending;
    }

    @ZeroRpc
    public String blocking() throws InterruptedException {
        blockingEntered.countDown();
        return releaseBlocking.await(60, TimeUnit.SECONDS) ? "released" : "timed out";
    }

    @ZeroRpc(nonBlocking = true)
    public String quick() {
        return "quick";
    }

    @ZeroRpc("sync_echo")
    public String syncEcho(String msg) {
        return msg;
    }

    @ZeroRpc(value = "inline_echo", nonBlocking = true)
    public String inlineEcho(String msg) {
        return msg;
    }

    @ZeroRpc("mono_echo")
    public Mono<String> monoEcho(String msg) {
        return Mono.just(msg);
    }

    @ZeroRpc("mono_empty")
    public Mono<String> monoEmpty() {
        return Mono.empty();
    }

    @ZeroRpc("nothing")
    public void nothing(String msg) {
    }

    @ZeroRpc(value = "overflow", nonBlocking = true)
    public int overflow(int depth) {
        return overflow(depth + 1) + 1;
    }

    @ZeroRpc("no_message")
    public String noMessage() {
        throw new UnsupportedOperationException();
    }

    @ZeroRpc("quoted")
    public String quoted(String msg) {
        throw new IllegalStateException(msg);
    }

    @ZeroRpc("unencodable")
    public Object unencodable() {
        return new Loop();
    }

    @ZeroRpc("primitive")
    public int primitive(int value) {
        return value;
    }
}
