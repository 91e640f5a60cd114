package io.zeroapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Serves a Spring bean method as a Zero RPC function, callable from Python's
 * {@code ZeroClient.call("name", arg)} and from Java Zero clients.
 * <p>
 * The method takes zero or one parameter (decoded from msgpack to the parameter's declared generic type) and
 * returns a value, {@code void} (answered with nil), a {@code CompletableFuture}/{@code CompletionStage}, or a
 * Reactor {@code Mono} when Reactor is on the class path. Where it runs:
 * <ul>
 * <li>plain (synchronous) methods run on the server's bounded worker pool ({@code zero.server.workers}
 * threads, or virtual threads with {@code spring.threads.virtual.enabled=true} on Java 21+), so a blocking
 * method never stalls other calls;</li>
 * <li>asynchronous methods ({@code CompletableFuture}, {@code CompletionStage}, {@code Mono}) are invoked on
 * the server's I/O thread and must not block (the WebFlux contract); the reply is sent when they complete and
 * no worker is held while they wait;</li>
 * <li>plain methods marked {@link #nonBlocking()} run inline on the I/O thread with no hand-off: the fastest
 * path, for cheap methods that never block.</li>
 * </ul>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface ZeroRpc {

    /**
     * RPC name the method is served under; the method name when empty. At most 80 UTF-8 bytes, and not one of
     * Zero's reserved names {@code connect}, {@code get_rpc_contract}, {@code __server_info__}.
     */
    String value() default "";

    /**
     * Whether the method never blocks, so it runs on the server's I/O thread with no hand-off (fastest path).
     * Ignored for asynchronous methods, which always start on the I/O thread.
     */
    boolean nonBlocking() default false;
}
