package io.zeroapi.frame;

/**
 * Zero's error replies: a one-entry msgpack map whose key names the kind of error and whose value is a text.
 */
public final class ZeroErrors {

    /** The called name is not registered: {@code Function `NAME` not found!}. */
    public static final String FUNCTION_NOT_FOUND = "__zerror__function_not_found";

    /** The handler raised, or the server could not process the message. */
    public static final String SERVER_EXCEPTION = "__zerror__server_exception";

    /** The argument did not fit the handler's parameter type. */
    public static final String VALIDATION_ERROR = "__zerror__validation_error";

    /** {@code get_rpc_contract} failed; clients return this map instead of raising. */
    public static final String FAILED_TO_GENERATE_CLIENT_CODE = "__zerror__failed_to_generate_client_code";

    /** Prefix shared by every error key. */
    public static final String PREFIX = "__zerror__";

    /**
     * How a Zero for Spring server's refusal of a call it did not run starts (a server exception's text), e.g.
     * {@code server busy: 10000 requests in flight, retry later}.
     */
    public static final String SERVER_BUSY_PREFIX = "server busy: ";

    /** Text of the server exception a stopping Zero for Spring server answers calls with. */
    public static final String SHUTTING_DOWN = "server is shutting down";

    /** The text Zero sends for anything that fails outside a handler (malformed msgpack, bad name, ...). */
    public static final String GENERIC_SERVER_ERROR =
            "server cannot process message, check server logs for more details";

    private ZeroErrors() {
    }

    /** Zero's text for an unknown function. */
    public static String functionNotFound(String function) {
        return "Function `" + function + "` not found!";
    }
}
