package io.zeroapi.endpoint;

/**
 * Where a {@link ZeroRpcEndpoint} runs.
 */
public enum ExecutionPath {

    /** A plain method run on the worker pool; may block. */
    WORKER,

    /** A plain method declared non-blocking, run inline on the I/O thread. */
    IO_THREAD,

    /** An asynchronous method started on the I/O thread; answered when its result completes. */
    ASYNC
}
