package io.zeroapi.testing;

import java.time.Duration;

import io.zeroapi.ZeroRpc;

/**
 * Functions that end each way a call can: {@code echo} succeeds (and refuses a non-string argument), {@code fail}
 * throws, {@code stuck} outlasts any call timeout.
 */
public class OutcomeFunctions {

    @ZeroRpc
    public String echo(String text) {
        return text;
    }

    @ZeroRpc
    public String fail(String text) {
        throw new IllegalStateException("refused " + text);
    }

    @ZeroRpc
    public String stuck() throws InterruptedException {
        Thread.sleep(Duration.ofMinutes(1).toMillis());
        return "never";
    }
}
