package io.zeroapi.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of the {@code zero.server} observation; define a bean of this type to replace
 * {@link DefaultZeroServerObservationConvention}.
 */
public interface ZeroServerObservationConvention extends ObservationConvention<ZeroServerObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ZeroServerObservationContext;
    }
}
