package io.zeroapi.autoconfigure.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zeroapi.ZeroRpc;
import reactor.core.publisher.Flux;

/**
 * Beans with {@code @ZeroRpc} methods, valid and invalid, for the auto-configuration tests.
 */
final class TestFunctions {

    private TestFunctions() {
    }

    /** Valid functions without Reactor types. */
    public static class Greeter {

        final CountDownLatch slowEntered = new CountDownLatch(1);

        final CountDownLatch releaseSlow = new CountDownLatch(1);

        @ZeroRpc
        public String greet(String name) {
            return "hello " + name;
        }

        @ZeroRpc("greet_later")
        public CompletableFuture<String> greetLater(String name) {
            return CompletableFuture.completedFuture("later " + name);
        }

        @ZeroRpc(nonBlocking = true)
        public String quick() {
            return "quick";
        }

        @ZeroRpc
        public String slow() throws InterruptedException {
            slowEntered.countDown();
            return releaseSlow.await(60, TimeUnit.SECONDS) ? "released" : "timed out";
        }
    }

    /** Served through a JDK proxy. */
    public interface Greeting {

        String hello(String name);
    }

    /** Target of the JDK proxy. */
    public static class GreetingImpl implements Greeting {

        @Override
        @ZeroRpc
        public String hello(String name) {
            return "hello " + name;
        }
    }

    /** Served through a CGLIB proxy. */
    public static class ClassGreeting {

        @ZeroRpc("class_hello")
        public String hello(String name) {
            return "class hello " + name;
        }
    }

    /** Another bean claiming {@code greet}. */
    public static class DuplicateGreeter {

        @ZeroRpc("greet")
        public String welcome(String name) {
            return name;
        }
    }

    /** Static method. */
    public static class StaticFunction {

        @ZeroRpc
        public static String ping() {
            return "pong";
        }
    }

    /** Two parameters. */
    public static class TwoParameters {

        @ZeroRpc
        public int sum(int a, int b) {
            return a + b;
        }
    }

    /** Flux return. */
    public static class FluxFunction {

        @ZeroRpc
        public Flux<String> many() {
            return Flux.just("a", "b");
        }
    }

    /** Stream return. */
    public static class StreamFunction {

        @ZeroRpc
        public Stream<String> many() {
            return List.of("a").stream();
        }
    }

    /** Name over 80 UTF-8 bytes (41 two-byte characters). */
    public static class LongName {

        @ZeroRpc("ééééééééééééééééééééééééééééééééééééééééé")
        public String ping() {
            return "pong";
        }
    }

    /** Zero's reserved name. */
    public static class ReservedName {

        @ZeroRpc("get_rpc_contract")
        public String contract() {
            return "mine";
        }
    }
}
