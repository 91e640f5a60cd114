package io.zeroapi.demo.store;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.zeroapi.demo.service.Order;
import io.zeroapi.demo.service.User;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The store on Redis: a user is the hash {@code demo:user:<id>}, an order the hash {@code demo:order:<n>} with
 * {@code n} from the counter {@code demo:order:seq}. All calls go through Lettuce's non-blocking client.
 */
public class RedisDemoStore implements DemoStore {

    private static final String ITEM_SEPARATOR = "\n";

    private final ReactiveStringRedisTemplate redis;

    public RedisDemoStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Writes the three demo users unless they are already there. */
    public Mono<Void> seed() {
        return Mono.when(seedUser(new User(1, "Alice", "alice@example.com")),
                seedUser(new User(2, "Bob", "bob@example.com")), seedUser(new User(3, "Carol", "carol@example.com")));
    }

    private Mono<Boolean> seedUser(User user) {
        return redis.hasKey(userKey(user.id()))
            .flatMap(exists -> exists ? Mono.just(false) : saveUser(user));
    }

    @Override
    public Mono<User> findUser(int id) {
        return redis.<String, String>opsForHash().entries(userKey(id))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
            .filter(fields -> !fields.isEmpty())
            .map(fields -> new User(id, fields.get("name"), fields.get("email")));
    }

    @Override
    public Mono<Boolean> saveUser(User user) {
        return redis.hasKey(userKey(user.id()))
            .flatMap(existed -> redis.<String, String>opsForHash()
                .putAll(userKey(user.id()), Map.of("name", user.name(), "email", user.email()))
                .thenReturn(existed));
    }

    @Override
    public Mono<Order> saveOrder(Order order) {
        return redis.opsForValue().increment("demo:order:seq").flatMap(sequence -> {
            Order saved = new Order("order-" + sequence, order.userId(), order.items());
            return redis.<String, String>opsForHash()
                .putAll("demo:order:" + sequence, Map.of("userId", Integer.toString(order.userId()), "items",
                        String.join(ITEM_SEPARATOR, order.items())))
                .thenReturn(saved);
        });
    }

    /** Reads an order back; used by tests and handy for a look with {@code redis-cli}. */
    public Mono<Order> findOrder(String id) {
        String sequence = id.substring("order-".length());
        return redis.<String, String>opsForHash().entries("demo:order:" + sequence)
            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
            .filter(fields -> !fields.isEmpty())
            .map(fields -> new Order(id, Integer.parseInt(fields.get("userId")), items(fields.get("items"))));
    }

    private static List<String> items(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(ITEM_SEPARATOR));
    }

    private static String userKey(int id) {
        return "demo:user:" + id;
    }
}
