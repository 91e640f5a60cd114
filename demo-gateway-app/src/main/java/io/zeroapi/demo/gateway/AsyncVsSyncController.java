package io.zeroapi.demo.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.zeroapi.AsyncZeroClient;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows the async guide's "Performance with Async" claim: {@code calls} concurrent blocking
 * {@code slow_operation} calls queue for the server's workers, while the same number of non-blocking
 * {@code efficient_operation} calls all wait at once.
 */
@RestController
@ConditionalOnBooleanProperty(name = "demo.gateway.enabled", matchIfMissing = true)
public class AsyncVsSyncController {

    private static final int MAX_CALLS = 1000;

    private final AsyncZeroClient backend;

    public AsyncVsSyncController(@Qualifier("backend") AsyncZeroClient backend) {
        this.backend = backend;
    }

    @GetMapping("/demo/async-vs-sync")
    public Mono<AsyncVsSyncReport> compare(@RequestParam(defaultValue = "4") int calls,
            @RequestParam(defaultValue = "0.3") double seconds) {
        if (calls < 1 || calls > MAX_CALLS || seconds < 0 || seconds > 10) {
            return Mono.error(new IllegalArgumentException(
                    "calls must be 1.." + MAX_CALLS + " and seconds 0..10, got calls=" + calls + ", seconds=" + seconds));
        }
        return Mono.fromFuture(() -> wallTime("slow_operation", calls, seconds))
            .zipWhen(blocking -> Mono.fromFuture(() -> wallTime("efficient_operation", calls, seconds)))
            .map(both -> AsyncVsSyncReport.of(calls, seconds, both.getT1(), both.getT2()));
    }

    private CompletableFuture<Double> wallTime(String rpc, int calls, double seconds) {
        long start = System.nanoTime();
        List<CompletableFuture<Object>> inFlight = IntStream.range(0, calls)
            .mapToObj(i -> backend.call(rpc, seconds))
            .toList();
        return CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
            .thenApply(done -> (System.nanoTime() - start) / 1e9);
    }
}
