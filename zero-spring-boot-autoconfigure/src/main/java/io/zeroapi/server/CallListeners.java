package io.zeroapi.server;

import java.util.List;

import io.zeroapi.ZeroCallOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Several {@link ZeroServerCallListener}s as one: each is told in order, with the context it returned itself.
 */
final class CallListeners implements ZeroServerCallListener {

    private final ZeroServerCallListener[] listeners;

    private CallListeners(List<ZeroServerCallListener> listeners) {
        this.listeners = listeners.toArray(new ZeroServerCallListener[0]);
    }

    /** No listener ({@code null}), the one listener, or all of them as one. */
    static @Nullable ZeroServerCallListener of(List<ZeroServerCallListener> listeners) {
        if (listeners.isEmpty()) {
            return null;
        }
        return listeners.size() == 1 ? listeners.get(0) : new CallListeners(List.copyOf(listeners));
    }

    @Override
    public Object started(ZeroServerCall call) {
        @Nullable Object[] contexts = new Object[listeners.length];
        for (int i = 0; i < listeners.length; i++) {
            contexts[i] = listeners[i].started(call);
        }
        return contexts;
    }

    @Override
    public void completed(ZeroServerCall call, @Nullable Object context, ZeroCallOutcome outcome,
            @Nullable Throwable failure) {
        @Nullable Object[] contexts = (@Nullable Object[]) context;
        for (int i = 0; i < listeners.length; i++) {
            listeners[i].completed(call, contexts == null ? null : contexts[i], outcome, failure);
        }
    }
}
