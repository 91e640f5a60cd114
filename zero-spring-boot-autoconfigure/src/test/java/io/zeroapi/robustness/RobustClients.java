package io.zeroapi.robustness;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zeroapi.client.DefaultAsyncZeroClient;
import io.zeroapi.client.ZeroConnection;
import io.zeroapi.codec.ZeroCodec;
import io.zeroapi.server.ZeroServer;

/**
 * Builds clients on a {@link ZeroConnection} without an application context, and reads the connection's and
 * the server's internal counts (package-private, read reflectively so the tests can stay in one package).
 */
final class RobustClients {

    private RobustClients() {
    }

    static ZeroConnection connect(int port) {
        return new ZeroConnection(() -> "tcp://127.0.0.1:" + port);
    }

    static DefaultAsyncZeroClient async(ZeroConnection connection, Duration timeout) {
        return new DefaultAsyncZeroClient(connection, new ZeroCodec(), timeout);
    }

    /** Calls pending on the connection (sent or waiting to be sent). */
    static int pendingCount(ZeroConnection connection) {
        try {
            Method method = ZeroConnection.class.getDeclaredMethod("pendingCount");
            method.setAccessible(true);
            return (int) method.invoke(connection);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Calls the connection counts against its limit. */
    static int inFlight(ZeroConnection connection) {
        return ((AtomicInteger) field(connection, "inFlight")).get();
    }

    /** Requests the server counts as in flight (its I/O thread's counter). */
    static int serverInFlight(ZeroServer server) {
        return server.inFlight();
    }

    private static Object field(Object target, String name) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
