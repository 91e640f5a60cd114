package io.zeroapi.client;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import io.zeroapi.ZeroCallOutcome;
import io.zeroapi.ZeroConnectionException;
import io.zeroapi.ZeroMethodNotFoundException;
import io.zeroapi.ZeroRemoteException;
import io.zeroapi.ZeroServerBusyException;
import io.zeroapi.ZeroTimeoutException;
import io.zeroapi.ZeroValidationException;
import io.zeroapi.frame.ZeroErrors;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ZeroCallOutcome} of a client call, from the exception its future failed with.
 */
final class ClientOutcomes {

    private ClientOutcomes() {
    }

    static ZeroCallOutcome of(@Nullable Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause == null) {
            return ZeroCallOutcome.OK;
        }
        if (cause instanceof ZeroTimeoutException) {
            return ZeroCallOutcome.TIMEOUT;
        }
        if (cause instanceof ZeroConnectionException) {
            return ZeroCallOutcome.CONNECTION;
        }
        if (cause instanceof ZeroServerBusyException) {
            return ZeroCallOutcome.BUSY;
        }
        if (cause instanceof ZeroMethodNotFoundException) {
            return ZeroCallOutcome.FUNCTION_NOT_FOUND;
        }
        if (cause instanceof ZeroValidationException) {
            return ZeroCallOutcome.VALIDATION_ERROR;
        }
        if (cause instanceof ZeroRemoteException remote) {
            return ZeroErrors.SHUTTING_DOWN.equals(remote.getServerMessage()) ? ZeroCallOutcome.SHUTTING_DOWN
                    : ZeroCallOutcome.SERVER_EXCEPTION;
        }
        if (cause instanceof CancellationException) {
            return ZeroCallOutcome.CANCELLED;
        }
        return ZeroCallOutcome.CLIENT_ERROR;
    }

    /** The exception a caller sees: the cause of a {@link CompletionException}. */
    static @Nullable Throwable unwrap(@Nullable Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
