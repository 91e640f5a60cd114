package io.zeroapi.codec;

/**
 * Strings and exceptions as Python's {@code repr()} writes them: msgspec quotes a string value that way in its
 * messages ({@code Invalid enum value 'x'}), and Zero sends {@code repr(exc)} for a failed handler
 * ({@code ValueError('boom')}). Single quotes unless only double quotes avoid escaping, backslash escapes for the
 * quote, the backslash and non-printable characters.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /**
     * {@code repr(exc)}: the exception's simple class name and its message, {@code KeyError()} without a message.
     */
    public static String exception(Throwable ex) {
        String name = ex.getClass().getSimpleName();
        if (name.isEmpty()) {
            String full = ex.getClass().getName();
            name = full.substring(full.lastIndexOf('.') + 1);
        }
        String message = ex.getMessage();
        return message == null ? name + "()" : name + "(" + string(message) + ")";
    }

    /** {@code repr(text)}. */
    public static String string(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            }
            else if (c == '\t') {
                out.append("\\t");
            }
            else if (c == '\n') {
                out.append("\\n");
            }
            else if (c == '\r') {
                out.append("\\r");
            }
            else if (isPrintable(c)) {
                out.appendCodePoint(c);
            }
            else if (c <= 0xff) {
                out.append(String.format("\\x%02x", c));
            }
            else if (c <= 0xffff) {
                out.append(String.format("\\u%04x", c));
            }
            else {
                out.append(String.format("\\U%08x", c));
            }
        });
        return out.append(quote).toString();
    }

    /**
     * Python's {@code str.isprintable()} for one character: not a control, format, surrogate, private-use or
     * unassigned character, and not a separator other than the ASCII space.
     */
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
