package io.zeroapi.autoconfigure.actuate;

import java.lang.reflect.Type;
import java.util.List;

import io.zeroapi.client.ZeroConnectionState;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.server.ZeroServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code zero} actuator endpoint: what the server serves (each function's name, handler, parameter and return
 * types and execution path), where it is bound, its state and calls in flight, and each client's address, status,
 * since when, and pending calls.
 */
@Endpoint(id = "zero")
public class ZeroEndpoint {

    private final @Nullable ZeroServer server;

    private final ZeroClientConnections clients;

    ZeroEndpoint(@Nullable ZeroServer server, ZeroClientConnections clients) {
        this.server = server;
        this.clients = clients;
    }

    @ReadOperation
    public ZeroDescriptor zero() {
        return new ZeroDescriptor(server != null ? server(server) : null,
                clients.clients().stream().map(ZeroEndpoint::client).toList());
    }

    private static ServerDescriptor server(ZeroServer server) {
        List<FunctionDescriptor> functions = server.endpoints().stream().map(ZeroEndpoint::function).toList();
        return new ServerDescriptor(server.state().name(), server.boundAddress(), server.port(), server.inFlight(),
                functions);
    }

    private static FunctionDescriptor function(ZeroRpcEndpoint endpoint) {
        Type parameter = endpoint.parameterType();
        return new FunctionDescriptor(endpoint.name(), endpoint.beanName() + "#" + endpoint.method().getName(),
                parameter != null ? parameter.getTypeName() : null,
                endpoint.method().getGenericReturnType().getTypeName(), endpoint.path().name());
    }

    private static ClientDescriptor client(ZeroClientConnections.Client client) {
        ZeroConnectionState state = client.state();
        return new ClientDescriptor(client.name(), state != null ? state.address() : null, client.status().name(),
                state != null ? state.since().toString() : null, client.pending(), client.required());
    }

    /**
     * What the endpoint reports.
     * @param server the server, or {@code null} when the application runs none ({@code zero.server.enabled=false})
     * @param clients the clients, by name
     */
    public record ZeroDescriptor(@Nullable ServerDescriptor server, List<ClientDescriptor> clients)
            implements OperationResponseBody {
    }

    /**
     * The server.
     * @param state its {@link ZeroServer.State}
     * @param boundAddress the address it is bound to, or {@code null} before it starts
     * @param port the bound port, or -1 before it starts
     * @param inFlight calls in flight
     * @param functions the functions it serves, in registration order
     */
    public record ServerDescriptor(String state, @Nullable String boundAddress, int port, int inFlight,
            List<FunctionDescriptor> functions) {
    }

    /**
     * A served function.
     * @param name the RPC name clients call
     * @param handler {@code bean#method}
     * @param parameterType the parameter's generic type, or {@code null} for a method without one
     * @param returnType the method's generic return type
     * @param executionPath where it runs: {@code WORKER}, {@code IO_THREAD} or {@code ASYNC}
     */
    public record FunctionDescriptor(String name, String handler, @Nullable String parameterType, String returnType,
            String executionPath) {
    }

    /**
     * A client.
     * @param name its name under {@code zero.clients}
     * @param address the server's address, or {@code null} before the first call resolved it
     * @param status its {@link ZeroConnectionState.Status}
     * @param since when it took that status (ISO-8601), or {@code null} while nothing has used the client
     * @param pending calls pending
     * @param required whether its health is {@code DOWN} unless connected
     */
    public record ClientDescriptor(String name, @Nullable String address, String status, @Nullable String since,
            int pending, boolean required) {
    }
}
