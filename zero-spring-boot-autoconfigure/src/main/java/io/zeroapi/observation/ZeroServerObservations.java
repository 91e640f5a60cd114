package io.zeroapi.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zeroapi.ZeroCallOutcome;
import io.zeroapi.server.ZeroServerCall;
import io.zeroapi.server.ZeroServerCallListener;
import org.jspecify.annotations.Nullable;

/**
 * Observes every call a server answers as a {@code zero.server} observation: started when the request arrives,
 * stopped when its reply is handed to the transport (or at once for a refusal). Add it with
 * {@link io.zeroapi.server.ZeroServer.Builder#listener}.
 */
public final class ZeroServerObservations implements ZeroServerCallListener {

    private static final ZeroServerObservationConvention DEFAULT = new DefaultZeroServerObservationConvention();

    private final ObservationRegistry registry;

    private final @Nullable ZeroServerObservationConvention convention;

    /**
     * @param convention replaces the default convention, or {@code null}
     */
    public ZeroServerObservations(ObservationRegistry registry, @Nullable ZeroServerObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public @Nullable Object started(ZeroServerCall call) {
        if (registry.isNoop()) {
            return null;
        }
        ZeroServerObservationContext context = new ZeroServerObservationContext(call);
        return Observation.createNotStarted(convention, DEFAULT, () -> context, registry).start();
    }

    @Override
    public void completed(ZeroServerCall call, @Nullable Object context, ZeroCallOutcome outcome,
            @Nullable Throwable failure) {
        if (!(context instanceof Observation observation)) {
            return;
        }
        if (observation.getContext() instanceof ZeroServerObservationContext serverContext) {
            serverContext.ended(outcome, failure);
        }
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }
}
