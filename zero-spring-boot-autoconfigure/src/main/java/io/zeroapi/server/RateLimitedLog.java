package io.zeroapi.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;

/**
 * Logs problems caused by callers without flooding: at most one WARN per kind of problem per interval, the
 * rest at DEBUG. Thread-safe.
 */
final class RateLimitedLog {

    private final Log log;

    private final long intervalNanos;

    private final Map<String, AtomicLong> lastWarning = new ConcurrentHashMap<>();

    RateLimitedLog(Log log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs at WARN (with {@code ex}) if none of this kind was in the interval, else at DEBUG. */
    void warn(String kind, String message, Throwable ex) {
        if (claim(kind)) {
            log.warn(message + " (more of this kind in the next " + intervalNanos / 1_000_000_000L
                    + "s are logged at DEBUG)", ex);
        }
        else if (log.isDebugEnabled()) {
            log.debug(message, ex);
        }
    }

    /**
     * Logs a handler's failure: one WARN line without a stack trace if none of this kind was in the interval (else
     * DEBUG), and the stack trace at DEBUG.
     */
    void failure(String kind, String message, Throwable ex) {
        if (claim(kind)) {
            log.warn(message + " (stack trace at DEBUG; more of this kind in the next " + intervalNanos / 1_000_000_000L
                    + "s are logged at DEBUG)");
        }
        if (log.isDebugEnabled()) {
            log.debug(message, ex);
        }
    }

    /** Logs at DEBUG at most once per interval for this kind. */
    void debug(String kind, String message) {
        if (log.isDebugEnabled() && claim(kind)) {
            log.debug(message);
        }
    }

    private boolean claim(String kind) {
        long now = System.nanoTime();
        AtomicLong last = lastWarning.computeIfAbsent(kind, key -> new AtomicLong(now - intervalNanos - 1));
        long previous = last.get();
        return now - previous > intervalNanos && last.compareAndSet(previous, now);
    }
}
