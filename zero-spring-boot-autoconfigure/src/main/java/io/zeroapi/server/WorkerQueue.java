package io.zeroapi.server;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The task queue of the worker pool ({@link WorkerPools}): unbounded and lock-free, and cheap to hand work to.
 * Adding a task wakes a parked worker only when no worker is already on its way to take one (a woken worker counts
 * as such until it has taken its task), so the calls the I/O thread reads in one turn cost one wake-up, not one
 * each; a worker takes task after task without parking while there are any, and one that takes a task while more
 * wait wakes the next, so a burst spreads over the pool and a blocking task never holds up the others while a
 * worker is free. Workers do not spin before they park: on a small machine shared with the callers, spinning
 * workers cost more CPU than the wake-ups they save (measured with {@code zero-benchmarks}).
 */
final class WorkerQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    /** Parked workers, most recently parked first. */
    private final ConcurrentLinkedDeque<Waiter> parked = new ConcurrentLinkedDeque<>();

    /** Workers looking for a task (or woken to look); while there is one, adding a task wakes nobody. */
    private final AtomicInteger looking = new AtomicInteger();

    private final AtomicInteger size = new AtomicInteger();

    @Override
    public boolean offer(Runnable task) {
        Objects.requireNonNull(task, "task");
        tasks.offer(task);
        size.incrementAndGet();
        if (looking.get() == 0) {
            wakeOne();
        }
        return true;
    }

    @Override
    public void put(Runnable task) {
        offer(task);
    }

    @Override
    public boolean offer(Runnable task, long timeout, TimeUnit unit) {
        return offer(task);
    }

    @Override
    public Runnable poll() {
        Runnable task = tasks.poll();
        if (task != null) {
            size.decrementAndGet();
        }
        return task;
    }

    @Override
    public Runnable take() throws InterruptedException {
        return await(0);
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        return await(System.nanoTime() + Math.max(1, unit.toNanos(timeout)));
    }

    /** Wakes the most recently parked worker to look for work, counting it as looking. */
    private void wakeOne() {
        Waiter waiter = parked.pollFirst();
        if (waiter != null) {
            looking.incrementAndGet();
            waiter.woken = true;
            LockSupport.unpark(waiter.thread);
        }
    }

    /** A task was taken by a worker that was looking: wakes the next one if more wait and nobody looks. */
    private Runnable took(Runnable task) {
        if (looking.decrementAndGet() == 0 && !tasks.isEmpty()) {
            wakeOne();
        }
        return task;
    }

    /**
     * The next task: takes it, or parks until woken or until {@code deadline} (a
     * {@link System#nanoTime()} value; 0 for none), when it returns {@code null}.
     */
    private Runnable await(long deadline) throws InterruptedException {
        Runnable task = poll();
        if (task != null) {
            if (!tasks.isEmpty() && looking.get() == 0) {
                wakeOne();
            }
            return task;
        }
        looking.incrementAndGet();
        while (true) {
            task = look();
            if (task != null) {
                return took(task);
            }
            Waiter waiter = new Waiter(Thread.currentThread());
            parked.addFirst(waiter);
            looking.decrementAndGet();
            task = park(waiter, deadline);
            if (task != null || !waiter.woken) {
                return task;
            }
        }
    }

    /** Looks for a task (counted as looking); {@code null} if there is none. */
    private Runnable look() throws InterruptedException {
        Runnable task = poll();
        if (Thread.interrupted()) {
            if (task != null) {
                tasks.offer(task);
                size.incrementAndGet();
            }
            looking.decrementAndGet();
            throw new InterruptedException();
        }
        return task;
    }

    /**
     * Parked (in {@link #parked}) until a task comes: returns it; or until woken, with {@code waiter.woken} set and
     * the waiter counted as looking: returns {@code null} (the caller looks again); or until the deadline passes:
     * returns {@code null} with {@code woken} unset.
     */
    private Runnable park(Waiter waiter, long deadline) throws InterruptedException {
        while (true) {
            Runnable task = poll();
            if (task != null) {
                if (!parked.remove(waiter)) {
                    awaitWoken(waiter);
                    return took(task);
                }
                if (!tasks.isEmpty() && looking.get() == 0) {
                    wakeOne();
                }
                return task;
            }
            if (waiter.woken) {
                return null;
            }
            if (deadline != 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (parked.remove(waiter)) {
                        return null;
                    }
                    awaitWoken(waiter);
                    return null;
                }
                LockSupport.parkNanos(this, left);
            }
            else {
                LockSupport.park(this);
            }
            if (Thread.interrupted()) {
                if (!parked.remove(waiter)) {
                    awaitWoken(waiter);
                    looking.decrementAndGet();
                }
                throw new InterruptedException();
            }
        }
    }

    /** A waker took {@code waiter} off the parked list: waits the moment until it has counted it as looking. */
    private static void awaitWoken(Waiter waiter) {
        while (!waiter.woken) {
            Thread.onSpinWait();
        }
    }

    @Override
    public Runnable peek() {
        return tasks.peek();
    }

    @Override
    public boolean remove(Object task) {
        if (tasks.remove(task)) {
            size.decrementAndGet();
            return true;
        }
        return false;
    }

    @Override
    public int size() {
        return Math.max(0, size.get());
    }

    @Override
    public boolean isEmpty() {
        return tasks.isEmpty();
    }

    @Override
    public Iterator<Runnable> iterator() {
        Iterator<Runnable> iterator = tasks.iterator();
        return new Iterator<>() {

            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Runnable next() {
                return iterator.next();
            }

            @Override
            public void remove() {
                iterator.remove();
                size.decrementAndGet();
            }
        };
    }

    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int drainTo(Collection<? super Runnable> sink) {
        return drainTo(sink, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super Runnable> sink, int maxElements) {
        int drained = 0;
        Runnable task;
        while (drained < maxElements && (task = poll()) != null) {
            sink.add(task);
            drained++;
        }
        return drained;
    }

    /** A parked worker. */
    private static final class Waiter {

        final Thread thread;

        volatile boolean woken;

        Waiter(Thread thread) {
            this.thread = thread;
        }
    }
}
