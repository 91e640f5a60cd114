package io.zeroapi.internal.zeromq;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;

/**
 * Creates the private ZeroMQ context of a server or a client connection, so that a failure of JeroMQ's I/O thread is
 * reported instead of leaving a deaf socket, and closes contexts in bounded time.
 * <p>
 * A JeroMQ I/O thread that dies (e.g. an {@link OutOfMemoryError}) or whose event handler throws (the engine that
 * threw is then broken: it spins on its readable channel) makes every socket of its context unreliable; both are
 * logged at ERROR and passed to the owner's failure handler, which rebuilds its transport or stops. Exceptions
 * JeroMQ itself expects (channels, keys or selectors closed under it, e.g. while a context closes) are logged at
 * DEBUG only.
 */
public final class ZmqContexts {

    private static final Log logger = LogFactory.getLog(ZmqContexts.class);

    private ZmqContexts() {
    }

    /**
     * A context with one I/O thread and linger 0 whose I/O thread failures go to {@code onFailure} (called on the
     * failing thread: it must only hand the failure over).
     * @param owner names the owner in log lines, e.g. {@code Zero server on port 5559}
     */
    public static ZContext create(String owner, Consumer<Throwable> onFailure) {
        ZContext context = new ZContext(1);
        context.setLinger(0);
        context.setUncaughtExceptionHandler((thread, ex) -> {
            logger.error(owner + ": JeroMQ I/O thread " + thread.getName() + " died", ex);
            onFailure.accept(ex);
        });
        context.setNotificationExceptionHandler((thread, ex) -> {
            if (isExpected(ex)) {
                logger.debug(owner + ": JeroMQ I/O thread notice", ex);
                return;
            }
            logger.error(owner + ": JeroMQ I/O thread " + thread.getName() + " failed in an event handler", ex);
            onFailure.accept(ex);
        });
        return context;
    }

    /**
     * Whether JeroMQ expects this exception: a key, selector or channel closed under it, also wrapped (its mailboxes
     * throw {@code ZError.IOException(ClosedChannelException)} while a context closes).
     */
    private static boolean isExpected(Throwable ex) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (current instanceof CancelledKeyException || current instanceof ClosedSelectorException
                    || current instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes a context (and its remaining sockets) on a separate daemon thread and waits at most {@code timeout}:
     * JeroMQ's {@code term} waits for its I/O threads, which never answer once dead.
     * @return whether the context closed within the timeout
     */
    public static boolean close(ZContext context, Duration timeout) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                context.close();
                closed.complete(null);
            }
            catch (Throwable ex) {
                closed.completeExceptionally(ex);
            }
        }, "zero-context-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closed.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException ex) {
            logger.warn("Closing a ZeroMQ context failed", ex.getCause());
            return true;
        }
        catch (TimeoutException ex) {
            logger.error("A ZeroMQ context did not close within " + timeout.toMillis()
                    + " ms (a JeroMQ I/O thread is dead or stuck); leaving it to the daemon thread " + closer.getName());
            return false;
        }
    }
}
