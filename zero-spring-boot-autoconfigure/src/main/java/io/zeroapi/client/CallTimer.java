package io.zeroapi.client;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that expires the calls of every client. Cancelled expirations are removed at once,
 * so its queue holds at most one task per call in flight. The thread ends after a second without calls, so
 * none is left once every client is closed.
 */
final class CallTimer {

    private static final ScheduledThreadPoolExecutor EXECUTOR = createExecutor();

    private CallTimer() {
    }

    private static ScheduledThreadPoolExecutor createExecutor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "zero-client-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(1, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return EXECUTOR.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A short human form of a timeout: {@code 5s}, {@code 250ms}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
    }
}
