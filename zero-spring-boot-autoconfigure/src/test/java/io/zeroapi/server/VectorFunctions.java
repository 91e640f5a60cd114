package io.zeroapi.server;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.zeroapi.ZeroRpc;
import io.zeroapi.codec.VectorFixtures.Color;
import io.zeroapi.codec.VectorFixtures.Order;
import io.zeroapi.codec.VectorFixtures.User;
import reactor.core.publisher.Mono;

/**
 * The functions of the Python server the golden vectors were recorded against, in Java (their types are the
 * codec tests' {@link io.zeroapi.codec.VectorFixtures}).
 */
public class VectorFunctions {

    @ZeroRpc
    public String echo(String msg) {
        return msg;
    }

    @ZeroRpc(value = "hello_world", nonBlocking = true)
    public String helloWorld() {
        return "hello world";
    }

    @ZeroRpc("async_hello")
    public Mono<String> asyncHello() {
        return Mono.just("hello from async");
    }

    @ZeroRpc
    public long add(List<Long> nums) {
        return nums.stream().mapToLong(Long::longValue).sum();
    }

    @ZeroRpc(nonBlocking = true)
    public double divide(List<Integer> pair) {
        return (double) pair.get(0) / pair.get(1);
    }

    @ZeroRpc("save_user")
    public User saveUser(User user) {
        return new User(user.id() + 100, user.name().toUpperCase(), user.email());
    }

    @ZeroRpc("save_order")
    public Order saveOrder(Order order) {
        return order;
    }

    @ZeroRpc("echo_datetime")
    public Object echoDatetime(Object msg) {
        return msg;
    }

    @ZeroRpc("echo_date")
    public LocalDate echoDate(LocalDate msg) {
        return msg;
    }

    @ZeroRpc("echo_uuid")
    public UUID echoUuid(UUID msg) {
        return msg;
    }

    @ZeroRpc("echo_decimal")
    public BigDecimal echoDecimal(BigDecimal msg) {
        return msg;
    }

    @ZeroRpc("echo_color")
    public Color echoColor(Color msg) {
        return msg;
    }

    @ZeroRpc("echo_bytes")
    public byte[] echoBytes(byte[] msg) {
        return msg;
    }

    @ZeroRpc("echo_set")
    public Set<Integer> echoSet(Set<Integer> msg) {
        return msg;
    }

    @ZeroRpc("echo_dict")
    public Map<String, Integer> echoDict(Map<String, Integer> msg) {
        return msg;
    }

    @ZeroRpc("echo_optional")
    public int echoOptional(Optional<Integer> msg) {
        return msg.orElse(-1);
    }

    @ZeroRpc
    public String fail(String msg) {
        throw new IllegalArgumentException(msg);
    }

    @ZeroRpc("async_fail")
    public CompletableFuture<String> asyncFail(String msg) {
        return CompletableFuture.failedFuture(new IllegalStateException(msg));
    }
}
