package io.zeroapi.server;

/**
 * How a call accepted by the server ended, named after the Zero error kind of its reply (as the per-call trace
 * writes it).
 */
enum CallOutcome {

    /** The handler's value. */
    OK("OK"),

    /** The argument did not fit the parameter, or bean validation refused it. */
    VALIDATION_ERROR("validation_error"),

    /** The handler failed, or its result could not be sent. */
    SERVER_EXCEPTION("server_exception"),

    /** The call did not complete within the server's call timeout. */
    TIMEOUT("timeout"),

    /** The server stopped before the call completed. */
    SHUTTING_DOWN("shutting_down");

    private final String text;

    CallOutcome(String text) {
        this.text = text;
    }

    /** Whether the reply is one of Zero's error maps. */
    boolean isError() {
        return this != OK;
    }

    @Override
    public String toString() {
        return text;
    }
}
