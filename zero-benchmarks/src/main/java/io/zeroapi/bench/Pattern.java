package io.zeroapi.bench;

import java.util.List;

import io.zeroapi.bench.load.Load;
import io.zeroapi.bench.load.TargetClient;

/**
 * A client traffic pattern: {@code c1} one blocking caller in a closed loop, {@code wN} N calls in flight over
 * one client, {@code sN} N threads each calling blocking, {@code async128} 128 in flight against the
 * 10 ms asynchronous handler.
 *
 * @param id short name used in the table and on the command line
 * @param closedLoop whether callers block for each reply (else calls are kept in flight)
 * @param concurrency number of threads (closed loop) or of calls in flight
 * @param description what the pattern does, in a few words (chart titles)
 */
public record Pattern(String id, boolean closedLoop, int concurrency, String description) {

    /** One blocking caller, closed loop. */
    public static final Pattern C1 = new Pattern("c1", true, 1, "one blocking caller");

    /** 16 calls in flight over one client. */
    public static final Pattern W16 = new Pattern("w16", false, 16, "16 calls in flight, one client");

    /** 128 calls in flight over one client. */
    public static final Pattern W128 = new Pattern("w128", false, 128, "128 calls in flight, one client");

    /** 16 threads, each a blocking closed-loop caller. */
    public static final Pattern S16 = new Pattern("s16", true, 16, "16 blocking threads, one client");

    /** 128 calls in flight against a handler that completes after 10 ms. */
    public static final Pattern ASYNC128 = new Pattern("async128", false, 128,
            "128 calls in flight, handler completing after 10 ms");

    /** Every pattern, in table order. */
    public static final List<Pattern> ALL = List.of(C1, W16, W128, S16, ASYNC128);

    /** Opens this pattern's load on {@code client}. */
    public Load open(TargetClient client) {
        return closedLoop ? client.closedLoop(concurrency) : client.window(concurrency);
    }

}
