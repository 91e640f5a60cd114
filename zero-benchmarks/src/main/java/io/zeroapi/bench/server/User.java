package io.zeroapi.bench.server;

/**
 * The argument and result of every echo in the benchmark, encoded by Zero as the map
 * {@code {id, name, email}}.
 *
 * @param id user id
 * @param name display name
 * @param email e-mail address
 */
public record User(long id, String name, String email) {

    /** The user every benchmark request carries. */
    public static final User JOHN = new User(1, "John Doe", "john@example.com");

}
