package io.zeroapi.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroRpc;

/**
 * The functions of one server instance among several, each answering with the instance's name: {@code name},
 * {@code slow} (on a worker) and {@code hold} (held until {@link #release} opens, {@link #holding} telling it began).
 */
public class NamedFunctions {

    /** Opens once a {@code hold} call has begun. */
    public final CountDownLatch holding = new CountDownLatch(1);

    /** Lets the {@code hold} calls answer. */
    public final CountDownLatch release = new CountDownLatch(1);

    private final String name;

    public NamedFunctions(String name) {
        this.name = name;
    }

    @ZeroRpc
    public String name() {
        return name;
    }

    @ZeroRpc
    public String slow() {
        return name;
    }

    @ZeroRpc
    public String hold() throws InterruptedException {
        holding.countDown();
        release.await(20, TimeUnit.SECONDS);
        return name;
    }
}
