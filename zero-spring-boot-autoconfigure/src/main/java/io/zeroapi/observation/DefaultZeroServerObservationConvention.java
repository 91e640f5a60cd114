package io.zeroapi.observation;

import io.micrometer.common.KeyValues;
import io.zeroapi.endpoint.ExecutionPath;
import io.zeroapi.endpoint.ZeroRpcEndpoint;
import io.zeroapi.frame.ZeroProtocol;
import io.zeroapi.server.ZeroServerCall;

/**
 * The default {@code zero.server} convention: observation name {@code zero.server}, contextual (span) name the
 * function, and the keys of {@link ZeroKeyNames}. A function name the server does not serve is {@code _OTHER}, so
 * names sent by strangers cannot blow up the cardinality of metrics or span names.
 */
public class DefaultZeroServerObservationConvention implements ZeroServerObservationConvention {

    /** The observation's name; as a timer it appears as {@code zero.server} in {@code /actuator/metrics}. */
    public static final String NAME = "zero.server";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(ZeroServerObservationContext context) {
        return method(context.getCall());
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ZeroServerObservationContext context) {
        ZeroServerCall call = context.getCall();
        return KeyValues.of(ZeroKeyNames.RPC_SYSTEM_NAME.withValue(ZeroKeyNames.SYSTEM),
                ZeroKeyNames.RPC_METHOD.withValue(method(call)),
                ZeroKeyNames.RPC_STATUS_CODE.withValue(context.getOutcome().code()),
                ZeroKeyNames.ERROR_TYPE.withValue(ErrorTypes.of(context.getOutcome(), context.getFailure())),
                ZeroKeyNames.ZERO_PATH.withValue(path(call)));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ZeroServerObservationContext context) {
        ZeroServerCall call = context.getCall();
        return KeyValues.of(ZeroKeyNames.SERVER_PORT.withValue(String.valueOf(call.serverPort())),
                ZeroKeyNames.NETWORK_PEER_ADDRESS.withValue(call.caller()));
    }

    /** The function's name, a built-in's name, or {@code _OTHER}. */
    protected String method(ZeroServerCall call) {
        ZeroRpcEndpoint endpoint = call.endpoint();
        if (endpoint != null) {
            return endpoint.name();
        }
        return ZeroProtocol.RESERVED_NAMES.contains(call.function()) ? call.function() : ZeroKeyNames.OTHER;
    }

    private static String path(ZeroServerCall call) {
        ExecutionPath path = call.path();
        if (path == null) {
            return ZeroKeyNames.NONE;
        }
        return switch (path) {
            case WORKER -> "worker";
            case ASYNC -> "async";
            case IO_THREAD -> "io";
        };
    }
}
