package io.zeroapi.demo.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroRpc;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The examples of Zero's async guide, with the same RPC names, so a Python Zero client can call them. Async
 * methods return {@code Mono} or {@code CompletableFuture} and hold no thread while they wait; sync methods run
 * on the server's worker pool.
 */
@Component
@ConditionalOnBooleanProperty(name = "demo.service.enabled", matchIfMissing = true)
public class AsyncGuideRpc {

    /** Zero's hello world: no argument. */
    @ZeroRpc("hello_world")
    public String helloWorld() {
        return "hello world";
    }

    /** Simulated I/O of about a second, without blocking a thread ({@code Mono}). */
    @ZeroRpc("fetch_data")
    public Mono<String> fetchData(String url) {
        return Mono.delay(Duration.ofSeconds(1)).thenReturn("Data from " + url);
    }

    /** Simulated work of half a second, without blocking a thread ({@code CompletableFuture}). */
    @ZeroRpc("process_task")
    public CompletableFuture<Boolean> processTask(int taskId) {
        return CompletableFuture.supplyAsync(() -> true,
                CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
    }

    /** A plain sync method: upper-cases the text. */
    @ZeroRpc("sync_operation")
    public String syncOperation(String text) {
        return text.toUpperCase();
    }

    /** Mixing sync and async on one server: the sync half. */
    @ZeroRpc("sync_method")
    public String syncMethod(String text) {
        return "sync: " + text;
    }

    /** Mixing sync and async on one server: the async half. */
    @ZeroRpc("async_method")
    public Mono<String> asyncMethod(String text) {
        return Mono.delay(Duration.ofMillis(100)).thenReturn("async: " + text);
    }

    /**
     * Blocks its worker thread for the given seconds, as a blocking driver would: while it runs, that worker
     * serves nobody else.
     */
    @ZeroRpc("slow_operation")
    public String slowOperation(double seconds) throws InterruptedException {
        Thread.sleep(Math.round(seconds * 1000));
        return "Slow operation finished after " + seconds + "s";
    }

    /** Waits the given seconds on a timer: no thread is held, so any number can wait at once. */
    @ZeroRpc("efficient_operation")
    public Mono<String> efficientOperation(double seconds) {
        return Mono.delay(Duration.ofMillis(Math.round(seconds * 1000)))
            .thenReturn("Efficient operation finished after " + seconds + "s");
    }
}
