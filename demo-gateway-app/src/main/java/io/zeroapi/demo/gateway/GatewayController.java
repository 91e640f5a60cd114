package io.zeroapi.demo.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.zeroapi.ReactiveZeroClient;
import io.zeroapi.demo.service.Order;
import io.zeroapi.demo.service.User;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP gateway: every endpoint calls the Zero service through the injected {@code backend} client bean.
 */
@RestController
@ConditionalOnBooleanProperty(name = "demo.gateway.enabled", matchIfMissing = true)
public class GatewayController {

    private final ReactiveZeroClient backend;

    public GatewayController(@Qualifier("backend") ReactiveZeroClient backend) {
        this.backend = backend;
    }

    @GetMapping("/hello")
    public Mono<Map<String, Object>> hello() {
        return backend.call("hello_world", null, String.class).map(message -> Map.of("message", message));
    }

    @GetMapping("/users/{id}")
    public Mono<User> user(@PathVariable int id) {
        return backend.call("get_user", id, User.class);
    }

    /** All users at once: every call is in flight together, like the seed's {@code asyncio.gather}. */
    @GetMapping(value = "/users", params = "ids")
    public Mono<List<User>> users(@RequestParam String ids) {
        List<Integer> idList = Arrays.stream(ids.split(",")).map(String::trim).map(Integer::valueOf).toList();
        return Flux.fromIterable(idList)
            .flatMapSequential(id -> backend.call("get_user", id, User.class), Math.max(1, idList.size()))
            .collectList();
    }

    @PutMapping("/users/{id}")
    public Mono<Map<String, Object>> updateUser(@PathVariable int id, @RequestBody UserUpdate update) {
        User user = new User(id, update.name(), update.email());
        return backend.call("update_user", user, Boolean.class)
            .map(replaced -> Map.of("user", user, "replaced", replaced));
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Order> saveOrder(@RequestBody NewOrder order) {
        return backend.call("save_order", new Order(null, order.userId(), order.items()), Order.class);
    }

    /** The body of {@code PUT /users/{id}}. */
    public record UserUpdate(String name, String email) {
    }

    /** The body of {@code POST /orders}. */
    public record NewOrder(int userId, List<String> items) {
    }
}
