package io.zeroapi.autoconfigure.server.cached;

import io.zeroapi.ZeroRpc;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A Zero service that calls itself, shared by the cached-context test classes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CachedContextApplication {

    /** The test's only endpoint. */
    public static class Greeter {

        @ZeroRpc("greet")
        public String greet(String name) {
            return "hello " + name;
        }
    }

    @Bean
    Greeter greeter() {
        return new Greeter();
    }
}
