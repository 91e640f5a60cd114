package io.zeroapi.demo;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a throw-away {@code redis-server} (from the machine's packages; {@code .ci/run} installs it) on a port the
 * OS picks, without persistence, and stops it after the test class. Skips the class when no redis-server exists.
 */
class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    static volatile int port;

    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String executable = findRedisServer();
        Assumptions.assumeTrue(executable != null, "redis-server is not installed; .ci/run installs it");
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        process = new ProcessBuilder(executable, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(RedisServerExtension::accepting);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String findRedisServer() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        File sbin = new File("/usr/bin/redis-server");
        return sbin.canExecute() ? sbin.getPath() : null;
    }
}
