package io.zeroapi.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zeroapi.ZeroCallOutcome;
import io.zeroapi.client.ZeroClientCall;
import io.zeroapi.client.ZeroClientCallListener;
import org.jspecify.annotations.Nullable;

/**
 * Observes every call of one named client as a {@code zero.client} observation: started when the call is
 * submitted, stopped when it completes, times out or fails. Add it with
 * {@link io.zeroapi.client.ZeroConnection.Builder#listener}.
 */
public final class ZeroClientObservations implements ZeroClientCallListener {

    private static final ZeroClientObservationConvention DEFAULT = new DefaultZeroClientObservationConvention();

    private final ObservationRegistry registry;

    private final String clientName;

    private final @Nullable ZeroClientObservationConvention convention;

    /**
     * @param clientName the client's name under {@code zero.clients}
     * @param convention replaces the default convention, or {@code null}
     */
    public ZeroClientObservations(ObservationRegistry registry, String clientName,
            @Nullable ZeroClientObservationConvention convention) {
        this.registry = registry;
        this.clientName = clientName;
        this.convention = convention;
    }

    @Override
    public @Nullable Object started(ZeroClientCall call) {
        if (registry.isNoop()) {
            return null;
        }
        ZeroClientObservationContext context = new ZeroClientObservationContext(clientName, call);
        return Observation.createNotStarted(convention, DEFAULT, () -> context, registry).start();
    }

    @Override
    public void completed(ZeroClientCall call, @Nullable Object context, ZeroCallOutcome outcome,
            @Nullable Throwable failure) {
        if (!(context instanceof Observation observation)) {
            return;
        }
        if (observation.getContext() instanceof ZeroClientObservationContext clientContext) {
            clientContext.ended(outcome, failure);
        }
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }
}
