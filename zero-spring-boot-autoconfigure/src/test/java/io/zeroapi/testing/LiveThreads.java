package io.zeroapi.testing;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names of the live threads, for tests that check none is left behind.
 */
public final class LiveThreads {

    private static final Pattern CLIENT_THREAD = Pattern.compile("zero-client-\\d+");

    private LiveThreads() {
    }

    /** Names of live threads starting with {@code prefix}. */
    public static Set<String> startingWith(String prefix) {
        return named(name -> name.startsWith(prefix));
    }

    /** Names of the live I/O threads of Zero client connections ({@code zero-client-<n>}). */
    public static Set<String> clients() {
        return named(name -> CLIENT_THREAD.matcher(name).matches());
    }

    private static Set<String> named(Predicate<String> name) {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(name)
            .collect(Collectors.toSet());
    }
}
