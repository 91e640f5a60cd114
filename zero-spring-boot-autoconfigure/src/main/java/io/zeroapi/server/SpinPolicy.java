package io.zeroapi.server;

/**
 * Whether a thread about to wait should first poll for a moment, judged by how such polls went lately: polling
 * saves a park and a wake-up when the awaited thing comes within the poll, and only burns a core (shared, on a small
 * machine, with the threads that would produce it) when it does not. After a few fruitless polls in a row the thread
 * waits at once, trying a poll again now and then. Racy on purpose: a hint, shared by the threads that wait alike.
 */
final class SpinPolicy {

    /** Fruitless polls in a row after which threads wait at once. */
    private static final int MAX_MISSES = 4;

    /** While polls are fruitless, one wait in this many polls anyway (a power of two). */
    private static final int RETRY_EVERY = 16;

    private final long nanos;

    private volatile int misses;

    private int skipped;

    /** @param nanos how long one poll lasts */
    SpinPolicy(long nanos) {
        this.nanos = nanos;
    }

    /** How long one poll lasts. */
    long nanos() {
        return nanos;
    }

    /** Whether to poll before this wait. */
    boolean shouldPoll() {
        return misses < MAX_MISSES || (++skipped & (RETRY_EVERY - 1)) == 0;
    }

    /** The poll found what it waited for. */
    void hit() {
        if (misses != 0) {
            misses = 0;
        }
    }

    /** The poll ended empty-handed. */
    void miss() {
        misses = Math.min(misses + 1, MAX_MISSES);
    }
}
