package io.zeroapi.bench.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;

/**
 * Target (4): gRPC-java (Netty) unary echo of the msgpack bytes; with the argument {@code direct} the handler
 * runs on the Netty event loop ({@code directExecutor}), otherwise on gRPC's default executor.
 */
public final class GrpcEchoServer {

    private GrpcEchoServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        ChildProcess.exitWhenParentExits();
        boolean direct = args.length > 0 && "direct".equals(args[0]);
        NettyServerBuilder builder = NettyServerBuilder
            .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(ServerServiceDefinition.builder(GrpcEcho.SERVICE)
                .addMethod(GrpcEcho.METHOD, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(request);
                    response.onCompleted();
                }))
                .build());
        if (direct) {
            builder.directExecutor();
        }
        Server server = builder.build().start();
        ChildProcess.announcePort(server.getPort());
        server.awaitTermination();
    }

}
