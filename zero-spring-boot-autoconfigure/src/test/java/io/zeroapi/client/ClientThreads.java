package io.zeroapi.client;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the live I/O threads of Zero client connections ({@code zero-client-<n>}), for tests that check none is
 * left behind.
 */
public final class ClientThreads {

    private static final Pattern CLIENT_THREAD = Pattern.compile("zero-client-\\d+");

    private ClientThreads() {
    }

    /** The names of the live client I/O threads. */
    public static Set<String> alive() {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(name -> CLIENT_THREAD.matcher(name).matches())
            .collect(Collectors.toSet());
    }
}
