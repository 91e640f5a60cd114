package io.zeroapi.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.zeroapi.ZeroCallOutcome;
import io.zeroapi.client.ZeroClientCall;
import org.jspecify.annotations.Nullable;

/**
 * The context of a {@code zero.client} observation: the client's name, the call, and once it ended its outcome and
 * failure. A sender context of kind {@code CLIENT} that propagates nothing: Zero's wire format has no headers.
 */
public class ZeroClientObservationContext extends SenderContext<ZeroClientCall> {

    private final String clientName;

    private final ZeroClientCall call;

    private ZeroCallOutcome outcome = ZeroCallOutcome.OK;

    private @Nullable Throwable failure;

    public ZeroClientObservationContext(String clientName, ZeroClientCall call) {
        super((carrier, key, value) -> {
        }, Kind.CLIENT);
        this.clientName = clientName;
        this.call = call;
        setCarrier(call);
        setRemoteServiceAddress(call.address());
    }

    /** The client's name under {@code zero.clients}. */
    public String getClientName() {
        return clientName;
    }

    /** The call observed. */
    public ZeroClientCall getCall() {
        return call;
    }

    /** How the call ended ({@code OK} until it did). */
    public ZeroCallOutcome getOutcome() {
        return outcome;
    }

    /** The exception the caller got, if the call failed. */
    public @Nullable Throwable getFailure() {
        return failure;
    }

    void ended(ZeroCallOutcome outcome, @Nullable Throwable failure) {
        this.outcome = outcome;
        this.failure = failure;
    }
}
