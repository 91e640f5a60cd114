package io.zeroapi.server;

import java.time.Instant;
import java.util.List;

import io.zeroapi.ZeroRpc;
import io.zeroapi.codec.VectorFixtures.User;

/**
 * The functions of the TCP golden vectors ({@code tcp-v1.0.json}) as a Python Zero 1.0 server has them; {@code fail}
 * raises a {@link ValueError}, so even its reply matches Python's bytes.
 */
public class TcpVectorFunctions {

    @ZeroRpc
    public String echo(String msg) {
        return msg;
    }

    @ZeroRpc(value = "hello_world", nonBlocking = true)
    public String helloWorld() {
        return "hello world";
    }

    @ZeroRpc
    public long add(List<Long> nums) {
        return nums.stream().mapToLong(Long::longValue).sum();
    }

    @ZeroRpc("save_user")
    public User saveUser(User user) {
        return new User(user.id() + 100, user.name().toUpperCase(), user.email());
    }

    @ZeroRpc(value = "echo_datetime", nonBlocking = true)
    public Instant echoDatetime(Instant at) {
        return at;
    }

    @ZeroRpc
    public String fail(String msg) {
        throw new ValueError(msg);
    }

    /** Python's {@code ValueError}, by its simple name. */
    public static final class ValueError extends RuntimeException {

        ValueError(String message) {
            super(message);
        }
    }
}
