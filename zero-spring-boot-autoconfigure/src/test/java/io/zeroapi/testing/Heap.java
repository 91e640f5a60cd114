package io.zeroapi.testing;

/**
 * Heap measurement for tests that bound how much memory a load may keep.
 */
public final class Heap {

    private Heap() {
    }

    /** Used heap after a full collection, in bytes. */
    public static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
