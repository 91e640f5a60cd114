package io.zeroapi.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by a process (user + system), or by those of its threads whose names start alike, read from
 * {@code /proc/<pid>/stat} and {@code /proc/<pid>/task/<tid>/stat} in clock ticks of 10 ms (Linux's {@code USER_HZ}
 * of 100); -1 where {@code /proc} is not available.
 */
public final class ProcessCpu {

    private static final double SECONDS_PER_TICK = 0.01;

    private static final int UTIME_AFTER_COMMAND = 11;

    private ProcessCpu() {
    }

    /** CPU seconds used by {@code pid} so far, or -1 when unknown. */
    public static double seconds(long pid) {
        try {
            return parseSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        }
        catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    /** CPU seconds used so far by all of {@code pids} together, or -1 when unknown for any (or for none given). */
    public static double seconds(List<Long> pids) {
        if (pids.isEmpty()) {
            return -1;
        }
        double sum = 0;
        for (long pid : pids) {
            double used = seconds(pid);
            if (used < 0) {
                return -1;
            }
            sum += used;
        }
        return sum;
    }

    /**
     * CPU seconds used so far by the threads of all of {@code pids} whose names start with {@code prefix} (e.g.
     * JeroMQ's I/O threads, {@code iothread-}), or -1 when unknown or when no thread has such a name.
     */
    public static double threadSeconds(List<Long> pids, String prefix) {
        double sum = 0;
        int matched = 0;
        for (long pid : pids) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String stat = readIfAlive(task.resolve("stat"));
                    if (stat != null && threadName(stat).startsWith(prefix)) {
                        sum += parseSeconds(stat);
                        matched++;
                    }
                }
            }
            catch (IOException | RuntimeException ex) {
                return -1;
            }
        }
        return matched == 0 ? -1 : sum;
    }

    /** The file's text, or {@code null} if its thread ended since the task directory was listed. */
    private static String readIfAlive(Path stat) {
        try {
            return Files.readString(stat);
        }
        catch (IOException ex) {
            return null;
        }
    }

    /** The thread's name (the command field, in parentheses) in the text of a {@code stat} file. */
    static String threadName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** Parses the CPU seconds (utime + stime) out of the text of a {@code /proc/<pid>/stat} file. */
    static double parseSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(fields[UTIME_AFTER_COMMAND]) + Long.parseLong(fields[UTIME_AFTER_COMMAND + 1]);
        return ticks * SECONDS_PER_TICK;
    }

}
