package io.zeroapi.demo.service;

import java.util.concurrent.CompletableFuture;

import io.zeroapi.ZeroRpc;
import io.zeroapi.demo.store.DemoStore;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Users and orders over the store, all async: {@code get_user}, {@code update_user} and {@code save_order}.
 */
@Component
@ConditionalOnBooleanProperty(name = "demo.service.enabled", matchIfMissing = true)
public class UserRpc {

    private final DemoStore store;

    public UserRpc(DemoStore store) {
        this.store = store;
    }

    /** The user with that id; an unknown id fails with {@link UserNotFoundException}. */
    @ZeroRpc("get_user")
    public Mono<User> getUser(int id) {
        return store.findUser(id).switchIfEmpty(Mono.error(() -> new UserNotFoundException(id)));
    }

    /** Stores the user; {@code true} when it replaced an existing one. */
    @ZeroRpc("update_user")
    public CompletableFuture<Boolean> updateUser(User user) {
        return store.saveUser(user).toFuture();
    }

    /** Saves the order under a new id (the "save" scenario of Zero's benchmarks). */
    @ZeroRpc("save_order")
    public Mono<Order> saveOrder(Order order) {
        return store.saveOrder(order);
    }
}
