package io.zeroapi.client;

import java.util.List;

import io.zeroapi.ZeroCallOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Several {@link ZeroClientCallListener}s as one: each is told in order, with the context it returned itself.
 */
final class ClientCallListeners implements ZeroClientCallListener {

    private final ZeroClientCallListener[] listeners;

    private ClientCallListeners(List<ZeroClientCallListener> listeners) {
        this.listeners = listeners.toArray(new ZeroClientCallListener[0]);
    }

    /** No listener ({@code null}), the one listener, or all of them as one. */
    static @Nullable ZeroClientCallListener of(List<ZeroClientCallListener> listeners) {
        if (listeners.isEmpty()) {
            return null;
        }
        return listeners.size() == 1 ? listeners.get(0) : new ClientCallListeners(List.copyOf(listeners));
    }

    @Override
    public Object started(ZeroClientCall call) {
        @Nullable Object[] contexts = new Object[listeners.length];
        for (int i = 0; i < listeners.length; i++) {
            contexts[i] = listeners[i].started(call);
        }
        return contexts;
    }

    @Override
    public void completed(ZeroClientCall call, @Nullable Object context, ZeroCallOutcome outcome,
            @Nullable Throwable failure) {
        @Nullable Object[] contexts = (@Nullable Object[]) context;
        for (int i = 0; i < listeners.length; i++) {
            listeners[i].completed(call, contexts == null ? null : contexts[i], outcome, failure);
        }
    }
}
