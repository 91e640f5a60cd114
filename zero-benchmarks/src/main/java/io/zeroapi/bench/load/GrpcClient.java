package io.zeroapi.bench.load;

import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.zeroapi.bench.server.GrpcEcho;

/**
 * Client of a gRPC echo target: one channel for the whole run (gRPC needs seconds of traffic to settle, so it
 * is not rebuilt per cell), shared by every thread; blocking stubs for closed loops, async calls for windows.
 * With {@code direct} the channel runs callbacks on its Netty event loop ({@code directExecutor}).
 */
public final class GrpcClient implements TargetClient {

    private static final long DEADLINE_MILLIS = 5_000;

    private final ManagedChannel channel;

    private final byte[] payload;

    /** Creates the channel to 127.0.0.1:{@code port} and sends one call to prove it works. */
    public GrpcClient(int port, boolean direct, byte[] payload) {
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext();
        if (direct) {
            builder.directExecutor();
        }
        this.channel = builder.build();
        this.payload = payload;
        blockingCall();
    }

    private void blockingCall() {
        ClientCalls.blockingUnaryCall(channel, GrpcEcho.METHOD, options(), payload);
    }

    private static CallOptions options() {
        return CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public Load closedLoop(int threads) {
        return new ClosedLoopLoad(threads, () -> this::blockingCall);
    }

    @Override
    public Load window(int inFlight) {
        return new AsyncWindowLoad(inFlight, done -> ClientCalls.asyncUnaryCall(
                channel.newCall(GrpcEcho.METHOD, options()), payload, new StreamObserver<>() {

                    @Override
                    public void onNext(byte[] value) {
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.accept(error);
                    }

                    @Override
                    public void onCompleted() {
                        done.accept(null);
                    }

                }), () -> { });
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
