package io.zeroapi.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.zeroapi.ZeroException;

/**
 * The calls pending on one {@link ClientTransport}, by request id: added by callers, answered by the I/O thread,
 * forgotten when their future completes, and failed together when the transport's connection breaks or the
 * transport ends. Thread-safe.
 */
final class PendingCalls {

    private final ConcurrentHashMap<RequestId, PendingCall> calls = new ConcurrentHashMap<>();

    /** Adds a call; {@code false} if its id is already taken (the caller draws another). */
    boolean add(PendingCall call) {
        return calls.putIfAbsent(call.id, call) == null;
    }

    /** Takes the call a reply answers, or {@code null} for an unknown, timed-out or cancelled call. */
    PendingCall take(RequestId id) {
        return calls.remove(id);
    }

    void forget(PendingCall call) {
        calls.remove(call.id, call);
    }

    int size() {
        return calls.size();
    }

    /** Fails every pending call with the exception {@code failure} makes for it; returns how many it failed. */
    int failAll(Function<PendingCall, ZeroException> failure) {
        return fail(failure, false);
    }

    /**
     * Fails the calls the I/O thread has written to its socket, which wait for a reply; returns how many it failed.
     */
    int failSent(Function<PendingCall, ZeroException> failure) {
        return fail(failure, true);
    }

    private int fail(Function<PendingCall, ZeroException> failure, boolean sentOnly) {
        int failed = 0;
        for (PendingCall call : calls.values()) {
            if ((!sentOnly || call.isSentByIoThread()) && !call.isDone()) {
                call.fail(failure.apply(call));
                failed++;
            }
        }
        return failed;
    }
}
