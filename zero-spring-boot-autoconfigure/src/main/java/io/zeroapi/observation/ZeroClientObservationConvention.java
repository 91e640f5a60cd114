package io.zeroapi.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys of the {@code zero.client} observation; define a bean of this type to replace
 * {@link DefaultZeroClientObservationConvention}.
 */
public interface ZeroClientObservationConvention extends ObservationConvention<ZeroClientObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ZeroClientObservationContext;
    }
}
