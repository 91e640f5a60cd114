package io.zeroapi.server;

/**
 * The calls in flight in the order they were accepted, which is also the order of their deadlines (every call
 * gets the same timeout): an intrusive doubly linked list, so adding and removing cost no allocation and no
 * search. Touched by the I/O thread only.
 */
final class InFlightCalls {

    private Invocation head;

    private Invocation tail;

    private volatile int size;

    void add(Invocation call, long nowNanos) {
        call.acceptedNanos = nowNanos;
        call.previous = tail;
        call.next = null;
        if (tail == null) {
            head = call;
        }
        else {
            tail.next = call;
        }
        tail = call;
        call.listed = true;
        size++;
    }

    /** Removes a call; calls no longer listed are ignored. */
    void remove(Invocation call) {
        if (!call.listed) {
            return;
        }
        if (call.previous == null) {
            head = call.next;
        }
        else {
            call.previous.next = call.next;
        }
        if (call.next == null) {
            tail = call.previous;
        }
        else {
            call.next.previous = call.previous;
        }
        call.previous = null;
        call.next = null;
        call.listed = false;
        size--;
    }

    /** The call accepted first, or {@code null}. */
    Invocation oldest() {
        return head;
    }

    /** Number of calls listed; any thread may read it. */
    int size() {
        return size;
    }
}
