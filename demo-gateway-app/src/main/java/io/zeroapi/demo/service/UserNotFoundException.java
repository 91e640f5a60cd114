package io.zeroapi.demo.service;

/**
 * Thrown by {@code get_user} for an unknown id; a Zero client sees it as a remote
 * {@code UserNotFoundException('...')}.
 */
public class UserNotFoundException extends RuntimeException {

    public UserNotFoundException(int id) {
        super("No user with id " + id);
    }
}
