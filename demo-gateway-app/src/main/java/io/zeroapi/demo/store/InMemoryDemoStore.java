package io.zeroapi.demo.store;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.zeroapi.demo.service.Order;
import io.zeroapi.demo.service.User;
import reactor.core.publisher.Mono;

/**
 * The embedded default store: maps in memory, with a simulated latency (a timer, never a sleeping thread), seeded
 * with three users.
 */
public class InMemoryDemoStore implements DemoStore {

    private final Map<Integer, User> users = new ConcurrentHashMap<>();

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    private final AtomicLong orderIds = new AtomicLong();

    private final Duration latency;

    public InMemoryDemoStore(Duration latency) {
        this.latency = latency;
        users.put(1, new User(1, "Alice", "alice@example.com"));
        users.put(2, new User(2, "Bob", "bob@example.com"));
        users.put(3, new User(3, "Carol", "carol@example.com"));
    }

    @Override
    public Mono<User> findUser(int id) {
        return delayed(() -> users.get(id));
    }

    @Override
    public Mono<Boolean> saveUser(User user) {
        return delayed(() -> users.put(user.id(), user) != null);
    }

    @Override
    public Mono<Order> saveOrder(Order order) {
        return delayed(() -> {
            Order saved = new Order("order-" + orderIds.incrementAndGet(), order.userId(), order.items());
            orders.put(saved.id(), saved);
            return saved;
        });
    }

    private <T> Mono<T> delayed(java.util.function.Supplier<T> action) {
        Mono<T> result = Mono.fromSupplier(action);
        return latency.isZero() ? result : Mono.delay(latency).then(result);
    }
}
