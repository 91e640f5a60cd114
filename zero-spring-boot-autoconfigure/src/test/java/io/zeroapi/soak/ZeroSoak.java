package io.zeroapi.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.zeroapi.AsyncZeroClient;
import io.zeroapi.ZeroClient;
import io.zeroapi.ZeroRpc;
import io.zeroapi.autoconfigure.ZeroAutoConfiguration;
import io.zeroapi.autoconfigure.client.ZeroClientAutoConfiguration;
import io.zeroapi.autoconfigure.server.ZeroServerAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Soak run: a Spring Boot application serving a {@code @ZeroRpc} echo of a {@code User} record and calling itself
 * at full speed over one client (64 asynchronous calls always in flight plus 4 blocking caller threads) for the
 * given number of seconds (default 60). Every reply is compared with its request. Prints every 10 s and at the end
 * the requests served, errors by type, requests per second, used heap and the process's resident memory (VmRSS).
 * Exits with status 1 if any call failed or got a wrong reply. Run with {@code ./soak.sh [seconds]}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ ZeroAutoConfiguration.class, ZeroServerAutoConfiguration.class,
        ZeroClientAutoConfiguration.class })
public class ZeroSoak {

    private static final int ASYNC_IN_FLIGHT = 64;

    private static final int BLOCKING_THREADS = 4;

    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    /** The record echoed. */
    public record User(long id, String name, String email, List<String> roles) {
    }

    /** The served function. */
    public static class Users {

        @ZeroRpc("echo_user")
        public User echoUser(User user) {
            return user;
        }
    }

    @Bean
    Users users() {
        return new Users();
    }

    private final LongAdder served = new LongAdder();

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    private volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        System.exit(new ZeroSoak().run(Duration.ofSeconds(seconds)));
    }

    private int run(Duration duration) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZeroSoak.class)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off", "zero.server.port=0", "zero.server.address=127.0.0.1",
                    "zero.clients.soak.address=tcp://127.0.0.1:${local.zero.server.port}", "zero.client.timeout=10s")
            .run();
        AsyncZeroClient async = context.getBean(AsyncZeroClient.class);
        ZeroClient client = context.getBean(ZeroClient.class);
        long heapStart = usedHeapAfterGc();
        long rssStart = rssBytes();
        System.out.printf("[soak] start: %d s, %d async calls in flight + %d blocking threads, %d CPUs, "
                + "heap used %s (after GC, max %s), RSS %s%n", duration.toSeconds(), ASYNC_IN_FLIGHT,
                BLOCKING_THREADS, Runtime.getRuntime().availableProcessors(), mib(heapStart),
                mib(Runtime.getRuntime().maxMemory()), mib(rssStart));
        Semaphore window = new Semaphore(ASYNC_IN_FLIGHT);
        Thread asyncDriver = new Thread(() -> driveAsync(async, window), "soak-async");
        asyncDriver.start();
        Thread[] blocking = new Thread[BLOCKING_THREADS];
        for (int t = 0; t < BLOCKING_THREADS; t++) {
            long base = (t + 1L) << 40;
            blocking[t] = new Thread(() -> driveBlocking(client, base), "soak-blocking-" + t);
            blocking[t].start();
        }
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        long lastCount = 0;
        long lastTime = started;
        long nextReport = started + REPORT_EVERY.toNanos();
        while (System.nanoTime() < end) {
            long sleep = Math.min(nextReport, end) - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            long now = System.nanoTime();
            if (now >= nextReport || now >= end) {
                long count = served.sum();
                System.out.printf("[soak] %4d s: served %,d (%,.0f req/s), errors %s, heap used %s, RSS %s%n",
                        TimeUnit.NANOSECONDS.toSeconds(now - started), count,
                        (count - lastCount) / ((now - lastTime) / 1e9), errorCounts(), mib(usedHeap()),
                        mib(rssBytes()));
                lastCount = count;
                lastTime = now;
                nextReport += REPORT_EVERY.toNanos();
            }
        }
        running = false;
        asyncDriver.join();
        window.acquire(ASYNC_IN_FLIGHT);
        for (Thread thread : blocking) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long total = served.sum();
        long heapEnd = usedHeapAfterGc();
        long rssEnd = rssBytes();
        Map<String, Long> errorCounts = errorCounts();
        System.out.printf("[soak] end: %,d requests served in %.1f s = %,.0f req/s; errors %s%n", total, elapsed,
                total / elapsed, errorCounts);
        System.out.printf("[soak] memory: heap used (after GC) %s -> %s, RSS %s -> %s, peak RSS %s%n",
                mib(heapStart), mib(heapEnd), mib(rssStart), mib(rssEnd), mib(procStatus("VmHWM:")));
        context.close();
        return errorCounts.isEmpty() ? 0 : 1;
    }

    private void driveAsync(AsyncZeroClient async, Semaphore window) {
        long n = 0;
        try {
            while (running) {
                window.acquire();
                User user = user(n++);
                async.call("echo_user", user, User.class).whenComplete((reply, failure) -> {
                    record(user, reply, failure);
                    window.release();
                });
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void driveBlocking(ZeroClient client, long base) {
        long n = base;
        while (running) {
            User user = user(n++);
            try {
                record(user, client.call("echo_user", user, User.class), null);
            }
            catch (RuntimeException ex) {
                record(user, null, ex);
            }
        }
    }

    private void record(User sent, User reply, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            errors.computeIfAbsent(cause.getClass().getSimpleName(), key -> new LongAdder()).increment();
        }
        else if (!sent.equals(reply)) {
            errors.computeIfAbsent("WrongReply", key -> new LongAdder()).increment();
        }
        else {
            served.increment();
        }
    }

    private static User user(long n) {
        return new User(n, "user-" + n, "user" + n + "@example.com", List.of("reader", n % 2 == 0 ? "even" : "odd"));
    }

    private Map<String, Long> errorCounts() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return usedHeap();
    }

    private static long rssBytes() {
        return procStatus("VmRSS:");
    }

    /** A kB figure of /proc/self/status in bytes, or -1 where there is none (not Linux). */
    private static long procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // not Linux
        }
        return -1;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
