package io.zeroapi.bench;

/**
 * One measured combination of a target and a pattern.
 *
 * @param target the server under test
 * @param pattern the client traffic
 */
public record Cell(Target target, Pattern pattern) {

    /** The name of this cell in logs, e.g. {@code raw/c1}. */
    public String name() {
        return target.id() + "/" + pattern.id();
    }

}
