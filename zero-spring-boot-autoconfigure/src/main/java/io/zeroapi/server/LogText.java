package io.zeroapi.server;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Makes text that callers control safe to log and to echo: control characters (newlines included) are escaped,
 * so a function name cannot forge a log line, and long text is cut.
 */
final class LogText {

    /** Longest caller-supplied text echoed in a reply or a log line. */
    static final int MAX_LENGTH = 512;

    private LogText() {
    }

    /** The text with control characters as {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX}. */
    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isISOControl(c) && c != '\u2028' && c != '\u2029') {
                if (escaped != null) {
                    escaped.append(c);
                }
                continue;
            }
            if (escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** The text cut to {@link #MAX_LENGTH} characters, saying how much was cut. */
    static String truncate(String text) {
        if (text == null || text.length() <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_LENGTH) + "... (" + (text.length() - MAX_LENGTH) + " more characters)";
    }

    /** A transport's routing id of a caller, in hex (at most its first 16 bytes). */
    static String routingId(byte[] id) {
        return HexFormat.of().formatHex(id, 0, Math.min(id.length, 16));
    }

    /** A duration in milliseconds with three decimals, e.g. {@code 1.234 ms}. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
