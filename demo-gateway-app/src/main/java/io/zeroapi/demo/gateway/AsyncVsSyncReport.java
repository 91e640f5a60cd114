package io.zeroapi.demo.gateway;

/**
 * What {@code GET /demo/async-vs-sync} reports: the wall time of N concurrent blocking calls and of N
 * concurrent non-blocking ones.
 *
 * @param calls concurrent calls of each kind
 * @param seconds how long each call waits
 * @param blockingWallSeconds wall time of the {@code slow_operation} calls (they queue for workers)
 * @param asyncWallSeconds wall time of the {@code efficient_operation} calls (they all wait at once)
 * @param speedup blocking wall time divided by async wall time
 */
public record AsyncVsSyncReport(int calls, double seconds, double blockingWallSeconds, double asyncWallSeconds,
        double speedup) {

    static AsyncVsSyncReport of(int calls, double seconds, double blocking, double async) {
        return new AsyncVsSyncReport(calls, seconds, round(blocking), round(async), round(blocking / async));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
