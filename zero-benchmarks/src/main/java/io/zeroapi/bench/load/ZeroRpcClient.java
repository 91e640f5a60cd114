package io.zeroapi.bench.load;

import java.time.Duration;
import java.util.function.Function;

import io.zeroapi.bench.server.User;
import io.zeroapi.client.ClientProtocol;
import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.DefaultZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.codec.ZeroCodec;
import org.zeromq.ZContext;

/**
 * Client of the Zero for Spring targets through the starter's own client runtime, built as its auto-configuration
 * builds a {@code zero.clients.<name>} bean: a {@link ZeroConnection} (one DEALER, one I/O thread) under a
 * {@link DefaultAsyncZeroClient}, with a {@link DefaultZeroClient} on top for blocking calls. Every cell gets a
 * fresh connection, answered once before the load starts (a connection whose first call fails is replaced, at
 * most {@value #ATTEMPTS} times, and reported on stderr); closed-loop threads share one blocking client.
 */
public final class ZeroRpcClient implements TargetClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final int ATTEMPTS = 3;

    private final ZContext context;

    private final String address;

    private final ZeroCodec codec = new ZeroCodec();

    private final ClientProtocol protocol;

    /** Creates a client of {@code address} whose connections live on {@code context} (owned by the caller). */
    public ZeroRpcClient(ZContext context, String address) {
        this(context, address, ClientProtocol.ZEROMQ);
    }

    /** Creates a client of {@code address} speaking {@code protocol}. */
    public ZeroRpcClient(ZContext context, String address, ClientProtocol protocol) {
        this.context = context;
        this.address = address;
        this.protocol = protocol;
    }

    @Override
    public Load closedLoop(int threads) {
        ZeroConnection connection = connect(async -> new DefaultZeroClient(async).call("echo", User.JOHN, User.class));
        DefaultZeroClient client = new DefaultZeroClient(async(connection));
        return new ClosedLoopLoad(threads, () -> () -> client.call("echo", User.JOHN, User.class),
                connection::close);
    }

    @Override
    public Load window(int inFlight) {
        ZeroConnection connection = connect(async -> async.call("echo", User.JOHN, User.class).join());
        DefaultAsyncZeroClient client = async(connection);
        return new AsyncWindowLoad(inFlight,
                done -> client.call("echo", User.JOHN, User.class).whenComplete((user, error) -> done.accept(error)),
                connection::close);
    }

    private DefaultAsyncZeroClient async(ZeroConnection connection) {
        return new DefaultAsyncZeroClient(connection, codec, TIMEOUT);
    }

    private ZeroConnection connect(Function<DefaultAsyncZeroClient, User> firstCall) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ZeroConnection connection = ZeroConnection.builder(() -> address).protocol(protocol).build();
            try {
                User echoed = firstCall.apply(async(connection));
                if (!User.JOHN.equals(echoed)) {
                    throw new IllegalStateException("Echo answered " + echoed);
                }
                return connection;
            }
            catch (RuntimeException ex) {
                connection.close();
                failure = ex;
                System.err.printf("[bench] first Zero call on a fresh connection to %s failed (attempt %d): %s%n",
                        address, attempt, ex);
            }
        }
        throw failure;
    }

    @Override
    public void close() {
    }

}
