package io.zeroapi.bench.measure;

import java.util.List;

import io.zeroapi.bench.load.Load;
import io.zeroapi.bench.load.Recorder;

/**
 * Measures one cell once: starts its load, lets it warm up, samples the server and client processes' CPU (and the
 * server's JeroMQ I/O threads') around the measuring window, stops the load and turns the recorder's counts into a
 * {@link RoundResult}.
 */
public final class CellRunner {

    private static final int LATENCY_CAPACITY = 1 << 22;

    /** How JeroMQ names its I/O threads ({@code iothread-2}, ...). */
    private static final String JEROMQ_IO_THREAD = "iothread-";

    private final Recorder recorder = new Recorder(LATENCY_CAPACITY);

    private final long selfPid = ProcessHandle.current().pid();

    /**
     * Runs {@code load} for a warm-up then a measuring window; the server CPU is that of the processes
     * {@code serverPids} together (none for a server this benchmark did not start: then it is unknown).
     */
    public RoundResult run(Load load, List<Long> serverPids, double warmupSeconds, double windowSeconds)
            throws Exception {
        recorder.reset();
        load.start(recorder);
        double serverBefore;
        double serverAfter;
        double ioBefore;
        double ioAfter;
        double clientBefore;
        double clientAfter;
        try {
            sleep(warmupSeconds);
            serverBefore = ProcessCpu.seconds(serverPids);
            ioBefore = ProcessCpu.threadSeconds(serverPids, JEROMQ_IO_THREAD);
            clientBefore = ProcessCpu.seconds(selfPid);
            recorder.begin();
            sleep(windowSeconds);
            recorder.end();
            serverAfter = ProcessCpu.seconds(serverPids);
            ioAfter = ProcessCpu.threadSeconds(serverPids, JEROMQ_IO_THREAD);
            clientAfter = ProcessCpu.seconds(selfPid);
        }
        finally {
            load.stop();
        }
        int completed = recorder.completed();
        long[] latencies = recorder.sortedLatencies();
        return new RoundResult(completed / recorder.windowSeconds(), Stats.percentile(latencies, 50) / 1_000,
                Stats.percentile(latencies, 99) / 1_000, perRequest(serverBefore, serverAfter, completed),
                perRequest(ioBefore, ioAfter, completed), perRequest(clientBefore, clientAfter, completed),
                recorder.errors());
    }

    private static double perRequest(double before, double after, int completed) {
        if (before < 0 || after < 0 || completed == 0) {
            return Double.NaN;
        }
        return (after - before) * 1e6 / completed;
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1_000));
    }

}
