package io.zeroapi.demo.store;

import io.zeroapi.demo.service.Order;
import io.zeroapi.demo.service.User;
import reactor.core.publisher.Mono;

/**
 * Where the demo keeps users and orders. Every operation is non-blocking: simulated or real I/O latency never
 * holds a thread.
 */
public interface DemoStore {

    /** The user with that id, or empty. */
    Mono<User> findUser(int id);

    /** Stores the user; {@code true} when it replaced an existing one. */
    Mono<Boolean> saveUser(User user);

    /** Stores the order under a new id and returns it. */
    Mono<Order> saveOrder(Order order);
}
