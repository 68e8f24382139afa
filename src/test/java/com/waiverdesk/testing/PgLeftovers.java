package com.waiverdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What test servers leave behind: processes that are not our children (pg_ctl's postmaster is reparented) and folders
 * under /tmp. Each folder names the JVM that made it, so a later run can clean up after one that was SIGKILLed.
 */
final class PgLeftovers {
    private static final String OWNER_FILE = "owner";

    private PgLeftovers() {
    }

    /** A new folder under {@code root} that names this JVM as its owner. */
    static Path newFolder(Path root, String prefix) throws IOException {
        Path base = Files.createTempDirectory(root, prefix);
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(base.resolve(OWNER_FILE), self.pid() + " " + startMillis(self));
        return base;
    }

    /** Polls every 10 ms: the server's processes are not our children, so there is nothing to wait on. */
    static boolean awaitEnd(List<ProcessHandle> processes, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (processes.stream().anyMatch(PgLeftovers::alive)) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    /**
     * Alive and not a zombie. A postmaster started by pg_ctl is reparented to process 1, which in a container may reap
     * it only seconds later; ProcessHandle.isAlive counts the zombie as alive meanwhile.
     */
    static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException noProc) {
            return process.isAlive();
        }
    }

    /**
     * Clusters left by a test JVM that was SIGKILLed (its hook never ran): their owner file names a process that no
     * longer exists. Their postmaster, recognised by its data folder, is killed and the folder deleted.
     */
    static void sweep(Path root, String prefix) {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).collect(
                    Collectors.toList())) {
                if (abandoned(dir)) {
                    killServerOf(dir.resolve("data"));
                    deleteTree(dir);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // another account's folders, or one deleted meanwhile: not ours to clean
        }
    }

    private static boolean abandoned(Path dir) {
        try {
            String[] owner = Files.readString(dir.resolve(OWNER_FILE)).trim().split(" ");
            return ProcessHandle.of(Long.parseLong(owner[0])).filter(p -> startMillis(p) == Long.parseLong(owner[1]))
                    .isEmpty();
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static void killServerOf(Path data) {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().arguments().map(args -> List.of(args).contains(data.toString()))
                            .orElse(false))
                    .ifPresent(p -> {
                        List<ProcessHandle> all = new ArrayList<>(p.descendants().collect(Collectors.toList()));
                        all.add(0, p);
                        all.forEach(ProcessHandle::destroyForcibly);
                        awaitEnd(all, 10);
                    });
        } catch (IOException | RuntimeException noServer) {
            // never started, or already gone
        }
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(instant -> instant.toEpochMilli()).orElse(-1L);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("PgCluster: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
