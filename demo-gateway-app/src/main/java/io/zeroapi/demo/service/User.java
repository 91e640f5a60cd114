package io.zeroapi.demo.service;

/**
 * A user, the record of the async guide's {@code get_user}/{@code update_user} examples. On the wire it is the
 * map {@code {"id": 1, "name": "...", "email": "..."}}, the same as Python's {@code User} dataclass.
 *
 * @param id the user id
 * @param name the display name
 * @param email the e-mail address
 */
public record User(int id, String name, String email) {
}
