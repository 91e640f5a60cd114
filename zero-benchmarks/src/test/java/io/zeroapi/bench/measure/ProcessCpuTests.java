package io.zeroapi.bench.measure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessCpuTests {

    private static final String STAT = "4242 (iothread-2) S 1 4242 4242 0 -1 4194368 100 0 0 0 "
            + "350 120 0 0 20 0 40 0 1234 0 0";

    @Test
    void shouldParseTheNameAndTheCpuTicksOfAStatLine() {
        assertThat(ProcessCpu.threadName(STAT)).isEqualTo("iothread-2");
        assertThat(ProcessCpu.parseSeconds(STAT)).isCloseTo(4.7, within(1e-9));
    }

    @Test
    void shouldKeepANameWithSpacesAndParenthesesWhole() {
        assertThat(ProcessCpu.threadName("7 (a (b) c) S 1 7 7 0 -1 0 0 0 0 0 1 2")).isEqualTo("a (b) c");
    }

    @Test
    void shouldFindTheThreadsOfAProcessByTheStartOfTheirNames() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        long self = ProcessHandle.current().pid();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread probe = new Thread(() -> {
            started.countDown();
            awaitQuietly(release);
        }, "cpu-probe-1");
        probe.start();
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessCpu.threadSeconds(List.of(self), "cpu-probe-")).isGreaterThanOrEqualTo(0);
            assertThat(ProcessCpu.threadSeconds(List.of(self), "no-such-thread-")).isEqualTo(-1);
            assertThat(ProcessCpu.threadSeconds(List.of(Long.MAX_VALUE), "cpu-probe-")).isEqualTo(-1);
        }
        finally {
            release.countDown();
            probe.join(10_000);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
