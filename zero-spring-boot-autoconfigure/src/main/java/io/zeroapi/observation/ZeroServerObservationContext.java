package io.zeroapi.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.zeroapi.ZeroCallOutcome;
import io.zeroapi.server.ZeroServerCall;
import org.jspecify.annotations.Nullable;

/**
 * The context of a {@code zero.server} observation: the call, and once it ended its outcome and failure. A
 * receiver context of kind {@code SERVER} whose carrier (the call) holds no propagated trace: Zero's wire format has
 * no headers.
 */
public class ZeroServerObservationContext extends ReceiverContext<ZeroServerCall> {

    private final ZeroServerCall call;

    private ZeroCallOutcome outcome = ZeroCallOutcome.OK;

    private @Nullable Throwable failure;

    public ZeroServerObservationContext(ZeroServerCall call) {
        super((carrier, key) -> null, Kind.SERVER);
        this.call = call;
        setCarrier(call);
    }

    /** The call observed. */
    public ZeroServerCall getCall() {
        return call;
    }

    /** How the call ended ({@code OK} until it did). */
    public ZeroCallOutcome getOutcome() {
        return outcome;
    }

    /** The handler's or the decoder's exception, if the call failed with one. */
    public @Nullable Throwable getFailure() {
        return failure;
    }

    void ended(ZeroCallOutcome outcome, @Nullable Throwable failure) {
        this.outcome = outcome;
        this.failure = failure;
    }
}
