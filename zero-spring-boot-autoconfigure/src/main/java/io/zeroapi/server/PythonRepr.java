package io.zeroapi.server;

/**
 * Formats exceptions as Python's {@code repr(exc)} does, which is what Zero sends for a failed handler:
 * {@code ValueError('boom')}, {@code KeyError()} without a message, double quotes when the message holds a
 * single quote and no double quote.
 */
final class PythonRepr {

    private PythonRepr() {
    }

    static String exception(Throwable ex) {
        String name = ex.getClass().getSimpleName();
        if (name.isEmpty()) {
            String full = ex.getClass().getName();
            name = full.substring(full.lastIndexOf('.') + 1);
        }
        String message = ex.getMessage();
        return message == null ? name + "()" : name + "(" + string(message) + ")";
    }

    static String string(String value) {
        char quote = (value.indexOf('\'') >= 0 && value.indexOf('"') < 0) ? '"' : '\'';
        StringBuilder out = new StringBuilder(value.length() + 2).append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    }
                    else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }
}
