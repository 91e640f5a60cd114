package io.zeroapi.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The machine and moment a table was measured on: processors, CPU model, Java version, date and load average.
 *
 * @param processors available processors
 * @param cpuModel CPU model from {@code /proc/cpuinfo}
 * @param java Java runtime version and vendor
 * @param date date and time of the run
 * @param loadAverage the 1/5/15-minute load average when the run started
 */
public record MachineInfo(int processors, String cpuModel, String java, String date, String loadAverage) {

    /** Describes this machine now. */
    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel(),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor") + ")",
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), readLoadAverage());
    }

    private static String readCpuModel() {
        return lines("/proc/cpuinfo").stream()
            .filter(line -> line.startsWith("model name"))
            .map(line -> line.substring(line.indexOf(':') + 1).trim())
            .findFirst()
            .orElse("unknown");
    }

    private static String readLoadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    /** The one-line description printed above a table. */
    public String describe() {
        return "Machine: " + processors + " CPUs (nproc), " + cpuModel + "; Java " + java + "; " + date
                + "; load average at start " + loadAverage + ".";
    }

}
