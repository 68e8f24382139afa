package com.waiverdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How much of the machine's CPU time a virtual machine's host took for others while a benchmark ran (Linux's
 * {@code steal} column of {@code /proc/stat}). On a shared 2-core VM it swings from none to half the time, and a
 * wall-clock figure means little without it. Empty where there is no {@code /proc/stat}.
 */
record CpuSteal(long steal, long total) {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Now, or empty on a system without {@code /proc/stat}. */
    static Optional<CpuSteal> now() {
        try {
            return Files.isReadable(PROC_STAT) ? parse(Files.readAllLines(PROC_STAT)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first line, {@code cpu user nice system idle iowait irq softirq steal ...}, in clock ticks. */
    static Optional<CpuSteal> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("cpu ")) {
            return Optional.empty();
        }
        String[] fields = lines.get(0).trim().split("\\s+");
        if (fields.length < 9) {
            return Optional.empty();
        }
        long total = 0;
        // user .. steal; guest time is already counted in user
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        return Optional.of(new CpuSteal(Long.parseLong(fields[8]), total));
    }

    /** E.g. {@code "; the host took 34 % of the CPU time meanwhile"}, or nothing without figures. */
    static String since(Optional<CpuSteal> before) {
        Optional<CpuSteal> after = now();
        if (before.isEmpty() || after.isEmpty()) {
            return "";
        }
        long total = after.get().total - before.get().total;
        return total <= 0 ? "" : String.format("; the host took %.0f %% of the CPU time meanwhile",
                100.0 * (after.get().steal - before.get().steal) / total);
    }
}
