package io.zeroapi.bench.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zeroapi.bench.server.ChildProcess;

/**
 * One benchmark server running in its own JVM: started from this JVM's class path, its output copied to a log
 * file, its port read from the line it announces, and stopped on {@link #close()}
 * (terminated, so a JFR recording is written, then killed forcibly if still alive).
 */
public final class ServerProcess implements AutoCloseable {

    private static final long GRACE_SECONDS = 10;

    private final String name;

    private final Process process;

    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        Thread pump = new Thread(() -> pump(log), "log-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code mainClass} with {@code jvmOptions} and {@code args}, logging to {@code logDirectory/name.log}.
     */
    public static ServerProcess start(String name, List<String> jvmOptions, String mainClass, List<String> args,
            Path logDirectory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(logDirectory);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ServerProcess(name, process, logDirectory.resolve(name + ".log"));
    }

    private void pump(Path log) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.println(line);
                if (!port.isDone() && line.startsWith(ChildProcess.PORT_MARKER)) {
                    port.complete(Integer.parseInt(line.substring(ChildProcess.PORT_MARKER.length()).trim()));
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            port.completeExceptionally(ex);
        }
        port.completeExceptionally(new IllegalStateException(name + " exited before announcing its port"));
    }

    /** Waits for the port the server announces. */
    public int awaitPort(long timeoutSeconds) throws IOException {
        try {
            return port.get(timeoutSeconds, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IOException(name + " did not announce its port (see its log)", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", ex);
        }
    }

    /** The server's process id. */
    public long pid() {
        return process.pid();
    }

    /** The target name this server runs. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
