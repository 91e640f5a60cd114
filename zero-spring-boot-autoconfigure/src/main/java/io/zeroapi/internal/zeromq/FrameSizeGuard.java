package io.zeroapi.internal.zeromq;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import zmq.Msg;
import zmq.msg.MsgAllocator;

/**
 * Allocates the buffer of every inbound ZeroMQ frame of a socket, and refuses sizes no honest peer can send.
 * <p>
 * JeroMQ 0.6.0 checks a frame's declared 64-bit size against {@code ZMQ_MAXMSGSIZE} as a signed number, so a size
 * with the top bit set passes and is cast to an {@code int}: {@code 0xFFFFFFFFFFFFFFFF} becomes -1 and throws in
 * its I/O thread, {@code 0x800000007FFFFFFF} becomes 2 GiB. This allocator never throws and never allocates past
 * {@code maxSize}: such a frame becomes an empty command frame, which JeroMQ refuses during the handshake (the
 * connection is closed) and drops afterwards, and the refusal is counted and logged. Frames are always on the
 * heap (JeroMQ's default puts frames over 1 KiB in direct memory, which the garbage collector frees late).
 * Thread-safe; runs on JeroMQ's I/O threads.
 */
public final class FrameSizeGuard implements MsgAllocator {

    private static final Log logger = LogFactory.getLog(FrameSizeGuard.class);

    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private final long maxSize;

    private final String owner;

    private final AtomicLong refused = new AtomicLong();

    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS - 1);

    /**
     * @param maxSize the largest frame to allocate, in bytes; negative for up to {@link Integer#MAX_VALUE}
     * @param owner the socket's owner, for log lines (e.g. {@code Zero server on port 5559})
     */
    public FrameSizeGuard(long maxSize, String owner) {
        this.maxSize = maxSize < 0 ? Integer.MAX_VALUE : Math.min(maxSize, Integer.MAX_VALUE);
        this.owner = owner;
    }

    @Override
    public Msg allocate(int size) {
        if (size >= 0 && size <= maxSize) {
            return new Msg(size);
        }
        refuse(size);
        Msg empty = new Msg(0);
        empty.setFlags(Msg.COMMAND);
        return empty;
    }

    private void refuse(int size) {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last > LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            logger.warn(owner + ": refused a ZeroMQ frame whose declared size is outside 0.." + maxSize
                    + " bytes (a malformed or hostile peer); " + count + " refused so far");
        }
    }
}
