package io.zeroapi.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zeroapi.ZeroRpc;
import io.zeroapi.endpoint.ExecutionPath;
import io.zeroapi.endpoint.ZeroRpcEndpointRegistry;
import io.zeroapi.frame.ZeroErrors;
import io.zeroapi.testing.RawDealer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ZeroServerInterceptor}s run around every invocation, on every execution path, in order; they may change
 * the argument, replace the result or refuse the call.
 */
class ZeroServerInterceptorTests {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private ZeroServer server;

    @BeforeEach
    void start() {
        server = ZeroServer.builder()
            .endpoints(ZeroRpcEndpointRegistry.of(new Functions()))
            .workers(workers)
            .settings(ZeroServerSettings.defaults("127.0.0.1", 0))
            .interceptor((call, argument, next) -> {
                seen.add("outer " + call.function() + " " + call.path() + " " + !call.caller().isEmpty());
                return next.proceed(argument);
            })
            .interceptor((call, argument, next) -> {
                seen.add("inner " + call.function());
                if ("secret".equals(argument)) {
                    throw new SecurityException("not for you");
                }
                return next.proceed("shout".equals(argument) ? "SHOUT" : argument);
            })
            .build();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        workers.shutdownNow();
    }

    @Test
    void shouldRunInOrderAroundEveryPath() {
        try (RawDealer dealer = new RawDealer(server.port())) {
            assertThat(dealer.call(1, "blocking", "a")).isEqualTo("a");
            assertThat(dealer.call(2, "inline", "b")).isEqualTo("b");
            assertThat(dealer.call(3, "later", "c")).isEqualTo("c");
        }
        assertThat(seen).containsExactly("outer blocking " + ExecutionPath.WORKER + " true", "inner blocking",
                "outer inline " + ExecutionPath.IO_THREAD + " true", "inner inline",
                "outer later " + ExecutionPath.ASYNC + " true", "inner later");
    }

    @Test
    void shouldChangeTheArgumentOrRefuseTheCall() {
        try (RawDealer dealer = new RawDealer(server.port())) {
            assertThat(dealer.call(1, "blocking", "shout")).isEqualTo("SHOUT");
            assertThat(dealer.call(2, "blocking", "secret"))
                .isEqualTo(Map.of(ZeroErrors.SERVER_EXCEPTION, "SecurityException('not for you')"));
            assertThat(dealer.call(3, "blocking", "after")).isEqualTo("after");
        }
    }

    /** One function per execution path. */
    public static class Functions {

        @ZeroRpc
        public String blocking(String text) {
            return text;
        }

        @ZeroRpc(nonBlocking = true)
        public String inline(String text) {
            return text;
        }

        @ZeroRpc
        public CompletableFuture<String> later(String text) {
            return CompletableFuture.supplyAsync(() -> text);
        }
    }
}
