package io.zeroapi.bench;

import java.util.List;

import io.zeroapi.bench.report.Bar;

/**
 * The bars that Zero for Spring must reach in the same run: issue 6's, judged for {@code zero}, and issue 15's, each
 * judged for its own target.
 */
final class Bars {

    /** Ideal rate of the async scenario: 128 calls in flight, each taking 10 ms. */
    static final double ASYNC_IDEAL = 128 / 0.010;

    static final List<Bar> ISSUE_6 = List.of(
            new Bar("c1 >= 0.85 x msgpack echo", "zero", "c1", "msgpack", 0, 0.85, false),
            new Bar("c1 ahead of gRPC directExecutor (> 1)", "zero", "c1", "grpc-direct", 0, 1.0, true),
            new Bar("c1 ahead of gRPC default (> 1)", "zero", "c1", "grpc", 0, 1.0, true),
            new Bar("w128 >= 0.6 x msgpack echo", "zero", "w128", "msgpack", 0, 0.6, false),
            new Bar("w128 >= 2 x gRPC directExecutor", "zero", "w128", "grpc-direct", 0, 2.0, false),
            new Bar("s16 >= 0.8 x raw echo", "zero", "s16", "raw", 0, 0.8, false),
            new Bar("async128 (zero-async, workers=1) >= 0.8 x 12,800/s", "zero-async", "async128", null,
                    ASYNC_IDEAL, 0.8, false));

    /** Issue 15: the blocking caller and the default worker path, without regressing the other paths. */
    static final List<Bar> ISSUE_15 = List.of(
            new Bar("c1, nonBlocking: >= 1.0 x gRPC directExecutor", "zero", "c1", "grpc-direct", 0, 1.0, false),
            new Bar("c1, nonBlocking: >= 0.9 x msgpack echo", "zero", "c1", "msgpack", 0, 0.9, false),
            new Bar("c1, default sync path: >= 0.8 x gRPC directExecutor", "zero-sync", "c1", "grpc-direct", 0, 0.8,
                    false),
            new Bar("w128, default sync path: >= 0.55 x msgpack echo", "zero-sync", "w128", "msgpack", 0, 0.55,
                    false),
            new Bar("s16, default sync path: >= 0.8 x raw echo", "zero-sync", "s16", "raw", 0, 0.8, false),
            new Bar("w128, nonBlocking: >= 0.6 x msgpack echo", "zero", "w128", "msgpack", 0, 0.6, false),
            new Bar("async128 (zero-async, workers=1): >= 0.8 x 12,800/s", "zero-async", "async128", null,
                    ASYNC_IDEAL, 0.8, false));

    private Bars() {
    }

}
