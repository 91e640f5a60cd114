package io.zeroapi.bench.load;

import java.time.Duration;
import java.util.function.Supplier;

import io.zeroapi.bench.server.User;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.codec.ZeroCodec;
import org.zeromq.ZContext;

/**
 * Client of the Zero for Spring targets through the starter's own client runtime, built as its auto-configuration
 * builds a {@code zero.clients.<name>} bean: a {@link ZeroConnection} (one DEALER, one I/O thread) under a
 * {@link DefaultAsyncZeroClient}, with a {@link DefaultZeroClient} on top for blocking calls. Every cell gets a
 * fresh connection, answered once before the load starts; closed-loop threads share one blocking client.
 */
public final class ZeroRpcClient implements TargetClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ZContext context;

    private final String address;

    private final ZeroCodec codec = new ZeroCodec();

    /** Creates a client of {@code address} whose connections live on {@code context} (owned by the caller). */
    public ZeroRpcClient(ZContext context, String address) {
        this.context = context;
        this.address = address;
    }

    @Override
    public Load closedLoop(int threads) {
        ZeroConnection connection = new ZeroConnection(context, () -> address);
        DefaultZeroClient client = new DefaultZeroClient(new DefaultAsyncZeroClient(connection, codec, TIMEOUT));
        checkOrClose(() -> client.call("echo", User.JOHN, User.class), connection);
        return new ClosedLoopLoad(threads, () -> () -> client.call("echo", User.JOHN, User.class),
                connection::close);
    }

    @Override
    public Load window(int inFlight) {
        ZeroConnection connection = new ZeroConnection(context, () -> address);
        DefaultAsyncZeroClient client = new DefaultAsyncZeroClient(connection, codec, TIMEOUT);
        checkOrClose(() -> client.call("echo", User.JOHN, User.class).join(), connection);
        return new AsyncWindowLoad(inFlight,
                done -> client.call("echo", User.JOHN, User.class).whenComplete((user, error) -> done.accept(error)),
                connection::close);
    }

    private static void checkOrClose(Supplier<User> echo, ZeroConnection connection) {
        try {
            User echoed = echo.get();
            if (!User.JOHN.equals(echoed)) {
                throw new IllegalStateException("Echo answered " + echoed);
            }
        }
        catch (RuntimeException ex) {
            connection.close();
            throw ex;
        }
    }

    @Override
    public void close() {
    }

}
