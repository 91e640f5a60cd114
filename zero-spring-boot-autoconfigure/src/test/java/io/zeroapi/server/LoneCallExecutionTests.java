package io.zeroapi.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The execution model's tests again on the default worker pool ({@link WorkerPools#fixed}) of one thread, where a
 * lone blocking call runs on the server's loop thread in the pool's slot ({@link LoopHandover}): every guarantee
 * holds the same.
 */
class LoneCallExecutionTests extends ZeroServerExecutionTests {

    @Override
    ExecutorService workers() {
        return WorkerPools.fixed(1, Executors.defaultThreadFactory());
    }
}
