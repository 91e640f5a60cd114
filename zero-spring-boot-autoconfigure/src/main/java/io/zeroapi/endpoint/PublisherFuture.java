package io.zeroapi.endpoint;

import java.util.concurrent.CompletableFuture;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import org.springframework.core.ReactiveAdapter;

/**
 * Turns a single-value reactive result (e.g. {@code Mono}) into a future of its value, {@code null} when it
 * completes empty; cancelling the future cancels the subscription. Only loaded when a reactive library is present.
 */
final class PublisherFuture<T> extends CompletableFuture<T> implements Subscriber<T> {

    private T value;

    private volatile Subscription subscription;

    static CompletableFuture<Object> of(ReactiveAdapter adapter, Object result) {
        PublisherFuture<Object> future = new PublisherFuture<>();
        Publisher<Object> publisher = adapter.toPublisher(result);
        publisher.subscribe(future);
        return future;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        if (isCancelled()) {
            subscription.cancel();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T item) {
        this.value = item;
    }

    @Override
    public void onError(Throwable failure) {
        completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        complete(value);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Subscription current = subscription;
        if (cancelled && current != null) {
            current.cancel();
        }
        return cancelled;
    }
}
