package io.zeroapi.bench;

import java.util.ArrayList;
import java.util.List;

import io.zeroapi.bench.load.DealerClient;
import io.zeroapi.bench.load.GrpcClient;
import io.zeroapi.bench.load.ZeroFrames;
import io.zeroapi.bench.load.ZeroRpcClient;
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

    private static final List<Pattern> STANDARD = List.of(Pattern.C1, Pattern.W16, Pattern.W128, Pattern.S16);

    private Targets() {
    }

    /**
     * The default targets; raw DEALERs live on {@code context}, Zero clients on {@code zeroContext} (one I/O
     * thread, as the application's shared {@code ZContext} bean).
     */
    static List<Target> all(ZContext context, ZContext zeroContext) {
        byte[] payload = new ZeroCodec().encode(User.JOHN);
        ZeroFrames frames = new ZeroFrames("echo", payload);
        return List.of(
                new Target(RAW, RawEchoServer.class.getName(), List.of(),
                        port -> new DealerClient(context, tcp(port), frames), STANDARD),
                new Target(MSGPACK, MsgpackEchoServer.class.getName(), List.of(),
                        port -> new DealerClient(context, tcp(port), frames), STANDARD),
                zero("zero", "inline", port -> new ZeroRpcClient(zeroContext, tcp(port)), STANDARD),
                zero("zero-sync", "sync", port -> new ZeroRpcClient(zeroContext, tcp(port)), STANDARD),
                zero("zero-async", "async", port -> new ZeroRpcClient(zeroContext, tcp(port)),
                        List.of(Pattern.ASYNC128)),
                zeroTcp("zero-tcp", "inline", zeroContext),
                zeroTcp("zero-tcp-sync", "sync", zeroContext),
                new Target("grpc", GrpcEchoServer.class.getName(), List.of("default"),
                        port -> new GrpcClient(port, false, payload), STANDARD),
                new Target(GRPC_DIRECT, GrpcEchoServer.class.getName(), List.of("direct"),
                        port -> new GrpcClient(port, true, payload), STANDARD));
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
                        port -> new DealerClient(context, tcp(port), frames), STANDARD),
                new Target("msgpack-poll1", MsgpackPollEchoServer.class.getName(), List.of("router-only"),
                        port -> new DealerClient(context, tcp(port), frames), STANDARD),
                zero("zero-raw", "inline", port -> new DealerClient(context, tcp(port), frames), STANDARD));
    }

    private static Target zero(String id, String echo, Target.ClientFactory clients, List<Pattern> patterns) {
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
        return new Target(id, ZeroEchoApplication.class.getName(), args, clients, patterns);
    }

    /** A Zero server speaking only Zero 1.0's TCP protocol, called by a {@code protocol: tcp} client. */
    private static Target zeroTcp(String id, String echo, ZContext zeroContext) {
        Target target = zero(id, echo, port -> new ZeroRpcClient(zeroContext, tcp(port), ClientProtocol.TCP),
                STANDARD);
        List<String> args = new ArrayList<>(target.args());
        args.addAll(List.of("--zero.server.zeromq.enabled=false", "--zero.server.tcp.enabled=true",
                "--zero.server.tcp.port=0"));
        return new Target(id, target.mainClass(), args, target.clients(), target.patterns());
    }

    private static String tcp(int port) {
        return "tcp://127.0.0.1:" + port;
    }

}
