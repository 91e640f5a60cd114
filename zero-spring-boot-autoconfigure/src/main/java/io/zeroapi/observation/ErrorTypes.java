package io.zeroapi.observation;

import io.zeroapi.ZeroCallOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The {@code error.type} of an observation: the exception's class name on failure, the status code when the call
 * failed without one (a refusal, a timeout), {@code none} on success.
 */
final class ErrorTypes {

    private ErrorTypes() {
    }

    static String of(ZeroCallOutcome outcome, @Nullable Throwable failure) {
        if (failure != null) {
            return failure.getClass().getName();
        }
        return outcome.isError() ? outcome.code() : ZeroKeyNames.NONE;
    }
}
