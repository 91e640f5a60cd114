package io.zeroapi.autoconfigure.actuate;

import java.util.Arrays;
import java.util.List;

import io.zeroapi.client.ZeroConnection;
import io.zeroapi.client.ZeroConnectionState;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The Zero clients of the context, one per {@code <name>ZeroClientConnection} bean, read without creating a
 * connection bean that nothing has used yet (such a client is reported {@code IDLE}).
 */
final class ZeroClientConnections {

    static final String CONNECTION_SUFFIX = "ZeroClientConnection";

    private final List<Client> clients;

    ZeroClientConnections(ConfigurableListableBeanFactory beanFactory, Environment environment) {
        Binder binder = Binder.get(environment);
        this.clients = Arrays.stream(beanFactory.getBeanNamesForType(ZeroConnection.class, true, false))
            .filter(beanName -> beanName.endsWith(CONNECTION_SUFFIX) && beanName.length() > CONNECTION_SUFFIX.length())
            .sorted()
            .map(beanName -> {
                String name = beanName.substring(0, beanName.length() - CONNECTION_SUFFIX.length());
                boolean required = binder.bind("zero.clients[" + name + "].health.required", Boolean.class)
                    .orElse(false);
                return new Client(name, beanName, required, beanFactory);
            })
            .toList();
    }

    /** The clients, by name. */
    List<Client> clients() {
        return clients;
    }

    boolean isEmpty() {
        return clients.isEmpty();
    }

    /** One client: its name, whether health requires it connected, and its connection once created. */
    static final class Client {

        private final String name;

        private final String beanName;

        private final boolean required;

        private final ConfigurableListableBeanFactory beanFactory;

        Client(String name, String beanName, boolean required, ConfigurableListableBeanFactory beanFactory) {
            this.name = name;
            this.beanName = beanName;
            this.required = required;
            this.beanFactory = beanFactory;
        }

        String name() {
            return name;
        }

        /** Whether {@code zero.clients.<name>.health.required} is true. */
        boolean required() {
            return required;
        }

        /** The connection, or {@code null} while no bean has needed it (it is not created here). */
        @Nullable ZeroConnection connection() {
            return beanFactory.containsSingleton(beanName) ? beanFactory.getBean(beanName, ZeroConnection.class) : null;
        }

        /** The connection's state; {@code null} while the connection is not created (so idle). */
        @Nullable ZeroConnectionState state() {
            ZeroConnection connection = connection();
            return connection != null ? connection.state() : null;
        }

        /** The connection's status: {@code IDLE} while it is not created. */
        ZeroConnectionState.Status status() {
            ZeroConnectionState state = state();
            return state != null ? state.status() : ZeroConnectionState.Status.IDLE;
        }

        /** Calls pending on the connection. */
        int pending() {
            ZeroConnection connection = connection();
            return connection != null ? connection.pendingCount() : 0;
        }
    }
}
