package io.zeroapi.autoconfigure.actuate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zeroapi.ZeroRpc;

/**
 * Functions for the observability tests: {@code echo}, and {@code hold}, which keeps its call in flight until
 * released.
 */
public class HoldingFunctions {

    final CountDownLatch held = new CountDownLatch(1);

    final CountDownLatch release = new CountDownLatch(1);

    @ZeroRpc
    public String echo(String text) {
        return text;
    }

    @ZeroRpc
    public String hold() throws InterruptedException {
        held.countDown();
        return release.await(60, TimeUnit.SECONDS) ? "released" : "timed out";
    }
}
