package io.zeroapi.observation;

import java.net.URI;

import io.micrometer.common.KeyValues;

/**
 * The default {@code zero.client} convention: observation name {@code zero.client}, contextual (span) name the
 * function, and the keys of {@link ZeroKeyNames}. The function names are the application's own, so they are
 * bounded.
 */
public class DefaultZeroClientObservationConvention implements ZeroClientObservationConvention {

    /** The observation's name; as a timer it appears as {@code zero.client} in {@code /actuator/metrics}. */
    public static final String NAME = "zero.client";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ZeroClientObservationContext context) {
        return context.getCall().function();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ZeroClientObservationContext context) {
        return KeyValues.of(ZeroKeyNames.RPC_SYSTEM_NAME.withValue(ZeroKeyNames.SYSTEM),
                ZeroKeyNames.RPC_METHOD.withValue(context.getCall().function()),
                ZeroKeyNames.RPC_STATUS_CODE.withValue(context.getOutcome().code()),
                ZeroKeyNames.ERROR_TYPE.withValue(ErrorTypes.of(context.getOutcome(), context.getFailure())),
                ZeroKeyNames.ZERO_CLIENT_NAME.withValue(context.getClientName()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ZeroClientObservationContext context) {
        String address = context.getCall().address();
        String host = address;
        String port = "unknown";
        try {
            URI uri = URI.create(address);
            if (uri.getHost() != null) {
                host = uri.getHost();
                port = String.valueOf(uri.getPort());
            }
        }
        catch (IllegalArgumentException ex) {
            // not a URI: keep the address as it is
        }
        return KeyValues.of(ZeroKeyNames.SERVER_ADDRESS.withValue(host), ZeroKeyNames.SERVER_PORT.withValue(port));
    }
}
