package io.zeroapi.robustness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts servers in processes of their own (a {@link ChildServer} JVM, a Python script) that print
 * {@code PORT <n>} first and stop when their standard input closes.
 */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The command running {@code main} in a JVM like this one, with this test class path. */
    static List<String> java(Class<?> main, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        return command;
    }

    /** Starts {@code command}, its error output going to ours. */
    static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The port the process printed as {@code PORT <n>}. */
    static int readPort(Process process) {
        try {
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("PORT ")) {
                    return Integer.parseInt(line.substring(5).trim());
                }
            }
            throw new IllegalStateException("child process ended without printing its port");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Closes the process's standard input and waits for it to end, killing it after 10 s. */
    static void stop(Process process) throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
