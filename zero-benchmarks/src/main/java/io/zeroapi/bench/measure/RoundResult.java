package io.zeroapi.bench.measure;

/**
 * The figures of one cell in one round.
 *
 * @param requestsPerSecond calls completed per second of the window
 * @param p50Micros median latency in microseconds
 * @param p99Micros 99th percentile latency in microseconds
 * @param serverCpuMicrosPerRequest server process CPU per completed call (NaN if unknown)
 * @param serverIoThreadCpuMicrosPerRequest CPU of the server's JeroMQ I/O threads per completed call, part of the
 * server's (NaN if unknown or the server has none)
 * @param clientCpuMicrosPerRequest client (orchestrator) process CPU per completed call (NaN if unknown)
 * @param errors failed or timed-out calls, warm-up and drain included
 */
public record RoundResult(double requestsPerSecond, double p50Micros, double p99Micros,
        double serverCpuMicrosPerRequest, double serverIoThreadCpuMicrosPerRequest, double clientCpuMicrosPerRequest,
        long errors) {

    /** The result of a cell that could not run. */
    public static RoundResult failed() {
        return new RoundResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1);
    }

}
