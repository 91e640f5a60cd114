package io.zeroapi;

/**
 * How one Zero call ended, as both sides see it: {@link #OK} or the kind of Zero error, named as in Zero's error
 * keys ({@link #code()} is the {@code rpc.status_code} of metrics and traces, and what the server's call trace
 * writes).
 */
public enum ZeroCallOutcome {

    /** The handler's value. */
    OK("OK"),

    /** The server serves no such function. */
    FUNCTION_NOT_FOUND("function_not_found"),

    /** The argument did not fit the parameter, or bean validation refused it. */
    VALIDATION_ERROR("validation_error"),

    /** The handler failed, or its result could not be sent. */
    SERVER_EXCEPTION("server_exception"),

    /** The call did not complete in time (the server's call timeout, or the client's timeout). */
    TIMEOUT("timeout"),

    /** No connection, or the connection broke before the reply (client side only). */
    CONNECTION("connection"),

    /** The server refused the call unrun: too many calls in flight. */
    BUSY("busy"),

    /** The server is stopping. */
    SHUTTING_DOWN("shutting_down"),

    /** The call never reached a server: its argument could not be encoded, or it was over a client limit. */
    CLIENT_ERROR("client_error"),

    /** The caller cancelled the call (client side only). */
    CANCELLED("cancelled");

    private final String code;

    ZeroCallOutcome(String code) {
        this.code = code;
    }

    /** The outcome's name in metrics, traces and logs: {@code OK}, {@code validation_error}, ... */
    public String code() {
        return code;
    }

    /** Whether the call failed. */
    public boolean isError() {
        return this != OK;
    }

    @Override
    public String toString() {
        return code;
    }
}
