package io.zeroapi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.zeroapi.bench.load.DealerClient;
import io.zeroapi.bench.load.GrpcClient;
import io.zeroapi.bench.load.ZeroFrames;
import io.zeroapi.bench.load.ZeroRpcClient;
import io.zeroapi.bench.server.ChildProcess;
import io.zeroapi.bench.server.GrpcEchoServer;
import io.zeroapi.bench.server.MsgpackEchoServer;
import io.zeroapi.bench.server.MsgpackPollEchoServer;
import io.zeroapi.bench.server.RawEchoServer;
import io.zeroapi.bench.server.User;
import io.zeroapi.bench.server.zero.ZeroEchoApplication;
import io.zeroapi.client.ClientProtocol;
import io.zeroapi.codec.ZeroCodec;
import org.zeromq.ZContext;

/**
 * The catalogue of targets, in table order: the two JeroMQ limits, Zero for Spring and gRPC-java.
 */
final class Targets {

    /** Id of target (1), raw JeroMQ echo. */
    static final String RAW = "raw";

    /** Id of target (2), raw JeroMQ echo with msgpack decode and encode. */
    static final String MSGPACK = "msgpack";

    /** Id of gRPC-java with {@code directExecutor} on server and client. */
    static final String GRPC_DIRECT = "grpc-direct";

    /** Id of Zero for Spring's {@code nonBlocking} echo, one server. */
    static final String ZERO = "zero";

    /** Id of one Zero client spreading its calls over two {@code zero} servers. */
    static final String ZERO_X2 = "zero-x2";

    private static final List<Pattern> STANDARD = List.of(Pattern.C1, Pattern.W16, Pattern.W128, Pattern.S16);

    private Targets() {
    }

    /**
     * The default targets; raw DEALERs live on {@code context}, Zero clients on {@code zeroContext} (one I/O
     * thread, as the application's shared {@code ZContext} bean). {@code zero-x2} is one Zero client over two
     * {@code zero} servers (round-robin), measured with 128 calls in flight.
     */
    static List<Target> all(ZContext context, ZContext zeroContext) {
        byte[] payload = new ZeroCodec().encode(User.JOHN);
        ZeroFrames frames = new ZeroFrames("echo", payload);
        return List.of(
                new Target(RAW, RawEchoServer.class.getName(), List.of(),
                        addresses -> new DealerClient(context, only(addresses), frames), STANDARD),
                new Target(MSGPACK, MsgpackEchoServer.class.getName(), List.of(),
                        addresses -> new DealerClient(context, only(addresses), frames), STANDARD),
                zero(ZERO, "inline", 1, zeroClient(zeroContext), STANDARD),
                zero("zero-sync", "sync", 1, zeroClient(zeroContext), STANDARD),
                zero("zero-async", "async", 1, zeroClient(zeroContext), List.of(Pattern.ASYNC128)),
                zero(ZERO_X2, "inline", 2, zeroClient(zeroContext), List.of(Pattern.W128)),
                zeroTcp("zero-tcp", "inline", zeroContext),
                zeroTcp("zero-tcp-sync", "sync", zeroContext),
                new Target("grpc", GrpcEchoServer.class.getName(), List.of("default"),
                        addresses -> new GrpcClient(port(addresses), false, payload), STANDARD),
                new Target(GRPC_DIRECT, GrpcEchoServer.class.getName(), List.of("direct"),
                        addresses -> new GrpcClient(port(addresses), true, payload), STANDARD));
    }

    /**
     * Experiments, run only when named in {@code --targets}: {@code msgpack-poll}, the msgpack echo with a receive
     * loop shaped like Zero for Spring's I/O thread ({@code msgpack-poll1}: polling the ROUTER alone), and {@code zero-raw}, the nonBlocking Zero server driven by
     * raw DEALERs instead of the Zero client (server cost without client cost).
     */
    static List<Target> experiments(ZContext context) {
        ZeroFrames frames = new ZeroFrames("echo", new ZeroCodec().encode(User.JOHN));
        return List.of(
                new Target("msgpack-poll", MsgpackPollEchoServer.class.getName(), List.of(),
                        addresses -> new DealerClient(context, only(addresses), frames), STANDARD),
                new Target("msgpack-poll1", MsgpackPollEchoServer.class.getName(), List.of("router-only"),
                        addresses -> new DealerClient(context, only(addresses), frames), STANDARD),
                zero("zero-raw", "inline", 1, addresses -> new DealerClient(context, only(addresses), frames),
                        STANDARD));
    }

    /**
     * A server the benchmark did not start, driven by the Zero for Spring client (one client over all of
     * {@code addresses}, round-robin) with the {@code patterns} given; it must serve {@code echo}, answering its
     * argument.
     */
    static Target external(String id, List<String> addresses, List<Pattern> patterns, ZContext zeroContext) {
        return new Target(id, new Target.Servers.External(addresses), zeroClient(zeroContext), patterns);
    }

    /** Whether {@code id} names a target the benchmark starts itself (a default one or an experiment). */
    static boolean isBuiltIn(String id) {
        return Stream.concat(all(null, null).stream(), experiments(null).stream())
            .anyMatch(target -> target.id().equals(id));
    }

    /** The patterns an external server is measured with: every standard one. */
    static List<Pattern> standardPatterns() {
        return STANDARD;
    }

    private static Target.ClientFactory zeroClient(ZContext zeroContext) {
        return addresses -> new ZeroRpcClient(zeroContext, String.join(",", addresses));
    }

    private static Target zero(String id, String echo, int instances, Target.ClientFactory clients,
            List<Pattern> patterns) {
        List<String> args = new ArrayList<>(List.of("--bench.echo=" + echo, "--zero.server.address=127.0.0.1",
                "--zero.server.port=0", "--zero.server.shutdown.grace-period=0", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        if ("async".equals(echo)) {
            args.add("--zero.server.workers=1");
        }
        String extra = System.getenv("BENCH_ZERO_SERVER_ARGS");
        if (extra != null && !extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+")));
        }
        return new Target(id, new Target.Servers.Started(ZeroEchoApplication.class.getName(), args, instances),
                clients, patterns);
    }

    /** A Zero server speaking only Zero 1.0's TCP protocol, called by a {@code protocol: tcp} client. */
    private static Target zeroTcp(String id, String echo, ZContext zeroContext) {
        Target target = zero(id, echo, 1,
                addresses -> new ZeroRpcClient(zeroContext, only(addresses), ClientProtocol.TCP), STANDARD);
        Target.Servers.Started servers = (Target.Servers.Started) target.servers();
        List<String> args = new ArrayList<>(servers.args());
        args.addAll(List.of("--zero.server.zeromq.enabled=false", "--zero.server.tcp.enabled=true",
                "--zero.server.tcp.port=0"));
        return new Target(id, new Target.Servers.Started(servers.mainClass(), args, servers.instances()),
                target.clients(), target.patterns());
    }

    /** The address of a target with one server. */
    private static String only(List<String> addresses) {
        if (addresses.size() != 1) {
            throw new IllegalArgumentException("This client takes one server address, got " + addresses);
        }
        return addresses.get(0);
    }

    /** The port of a target with one server. */
    private static int port(List<String> addresses) {
        return ChildProcess.portOf(only(addresses));
    }

}
