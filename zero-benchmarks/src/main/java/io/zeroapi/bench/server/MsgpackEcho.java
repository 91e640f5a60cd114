package io.zeroapi.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.zeroapi.codec.ZeroCodec;

/**
 * The work of the msgpack echo servers for one request frame: parse the 80-byte name, look the function up,
 * decode the argument into a {@link User} with {@link ZeroCodec}, re-encode the result and build the Zero reply
 * (request id + msgpack body).
 */
final class MsgpackEcho {

    private static final int ID_LENGTH = 16;

    private static final int HEADER_LENGTH = 96;

    private final ZeroCodec codec = new ZeroCodec();

    private final Map<String, UnaryOperator<User>> functions = Map.of("echo", user -> user);

    byte[] reply(byte[] frame) {
        int nameEnd = Math.min(frame.length, HEADER_LENGTH);
        String name = new String(frame, ID_LENGTH, nameEnd - ID_LENGTH, StandardCharsets.UTF_8).strip();
        UnaryOperator<User> function = functions.get(name);
        Object result;
        if (function != null) {
            User user = codec.decode(frame, HEADER_LENGTH, frame.length - HEADER_LENGTH, User.class);
            result = function.apply(user);
        }
        else {
            result = "connect".equals(name) ? "connected" : "unknown function " + name;
        }
        byte[] body = codec.encode(result);
        byte[] reply = new byte[ID_LENGTH + body.length];
        System.arraycopy(frame, 0, reply, 0, ID_LENGTH);
        System.arraycopy(body, 0, reply, ID_LENGTH, body.length);
        return reply;
    }

}
