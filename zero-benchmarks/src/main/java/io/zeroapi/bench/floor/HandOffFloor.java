package io.zeroapi.bench.floor;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor every thread hand-off of an RPC pays on this machine: two Java threads passing a turn back and forth
 * with {@code LockSupport.park}/{@code unpark}, nothing else. One round trip is two hand-offs (a wake-up each), so
 * half its time is what one more thread on a call's path costs at least. Run with
 * {@code java -cp zero-benchmarks/target/zero-benchmarks.jar io.zeroapi.bench.floor.HandOffFloor [round trips]}.
 */
public final class HandOffFloor {

    private static final int ROUNDS = 3;

    private volatile boolean theirTurn;

    private volatile boolean stopped;

    private final Thread caller = Thread.currentThread();

    private HandOffFloor() {
    }

    public static void main(String[] args) throws InterruptedException {
        int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        new HandOffFloor().measure(roundTrips);
    }

    private void measure(int roundTrips) throws InterruptedException {
        Thread other = new Thread(this::answer, "hand-off-floor");
        other.setDaemon(true);
        other.start();
        long[] nanos = new long[roundTrips];
        for (int round = 0; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < roundTrips; i++) {
                long sent = System.nanoTime();
                theirTurn = true;
                LockSupport.unpark(other);
                while (theirTurn) {
                    LockSupport.park(this);
                }
                nanos[i] = System.nanoTime() - sent;
            }
            long elapsed = System.nanoTime() - start;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%s: %,.0f round trips/s, p50 %.1f us, p99 %.1f us (one hand-off: ~%.1f us)%n",
                    round == 0 ? "warm-up" : "round " + round, roundTrips * 1e9 / elapsed, nanos[roundTrips / 2] / 1e3,
                    nanos[roundTrips * 99 / 100] / 1e3, nanos[roundTrips / 2] / 2e3);
        }
        stopped = true;
        LockSupport.unpark(other);
        other.join(1000);
    }

    private void answer() {
        while (!stopped) {
            if (theirTurn) {
                theirTurn = false;
                LockSupport.unpark(caller);
            }
            else {
                LockSupport.park(this);
            }
        }
    }
}
