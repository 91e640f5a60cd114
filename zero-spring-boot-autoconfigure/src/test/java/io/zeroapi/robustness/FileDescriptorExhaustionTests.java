package io.zeroapi.robustness;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zeroapi.testing.RawDealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server out of file descriptors does not spin: with a limit of 256 descriptors and 600 connections thrown at
 * it (some refused or reset while it stops listening), it uses little CPU (JeroMQ alone retries the failed accept in
 * a busy loop), keeps its process alive, and accepts calls again once the connections are gone.
 */
@EnabledOnOs(OS.LINUX)
class FileDescriptorExhaustionTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final int CONNECTIONS = 600;

    @Test
    void shouldNotSpinWhenOutOfFileDescriptorsAndServeAgainAfterwards() throws Exception {
        String java = String.join(" ", ChildProcesses.java(ChildServer.class, "-Xmx128m").stream()
            .map(part -> "'" + part + "'").toList());
        Process child = ChildProcesses.start(List.of("bash", "-c", "ulimit -n 256 && exec " + java));
        List<Socket> sockets = new ArrayList<>();
        try {
            int port = ChildProcesses.readPort(child);
            try (RawDealer dealer = new RawDealer(port)) {
                assertThat(dealer.call(1, "echo", "before")).isEqualTo("echo:before");
            }
            int refused = 0;
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    sockets.add(socket);
                }
                catch (IOException ex) {
                    // refused, reset (the server closed its listener with this connection queued) or timed out
                    refused++;
                    closeQuietly(socket);
                }
            }
            System.out.println("FileDescriptorExhaustionTests: " + sockets.size() + " connections, " + refused
                    + " refused or reset while the server stopped listening");
            long ticks = cpuTicks(child.pid());
            long start = System.nanoTime();
            await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuTicks(child.pid()) - ticks) / 100.0 / seconds;
            System.out.println("FileDescriptorExhaustionTests: server CPU " + Math.round(cpu * 100)
                    + "% of a core while out of descriptors");
            assertThat(child.isAlive()).isTrue();
            assertThat(cpu).as("share of a core used while out of descriptors").isLessThan(0.25);
            for (Socket socket : sockets) {
                socket.close();
            }
            sockets.clear();
            try (RawDealer dealer = new RawDealer(port)) {
                assertThat(dealer.call(2, "echo", "after")).isEqualTo("echo:after");
            }
        }
        finally {
            for (Socket socket : sockets) {
                closeQuietly(socket);
            }
            ChildProcesses.stop(child);
        }
    }

    /** User plus system time of a process, in clock ticks (1/100 s). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(new File("/proc/" + pid + "/stat").toPath());
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // already closed
        }
    }
}
