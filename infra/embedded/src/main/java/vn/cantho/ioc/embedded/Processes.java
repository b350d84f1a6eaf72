package vn.cantho.ioc.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operating-system process helpers shared by the servers that run outside this JVM (the Kafka child JVM and
 * the PostgreSQL postmaster): reading pid files, recognising a leftover server by its command line, stopping
 * it, and showing the end of its log when it fails to start.
 */
final class Processes {

    private static final Logger LOG = LoggerFactory.getLogger(Processes.class);

    private Processes() {}

    /** Reads the first line of a pid file (Kafka's and PostgreSQL's both start with the pid). */
    static OptionalLong readPid(Path pidFile) {
        try (Stream<String> lines = Files.lines(pidFile, StandardCharsets.UTF_8)) {
            return lines.findFirst()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+"))
                    .map(line -> OptionalLong.of(Long.parseLong(line)))
                    .orElse(OptionalLong.empty());
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
    }

    /**
     * The command line of a live process, split into arguments, from {@code /proc/<pid>/cmdline}. Empty when the
     * process is gone or cannot be inspected; a pid is then never treated as ours.
     */
    static Optional<List<String>> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (raw.length == 0) {
                return Optional.empty(); // a zombie or kernel thread: nothing to match
            }
            return Optional.of(List.of(new String(raw, StandardCharsets.UTF_8).split("\0")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops a server left running from an earlier run on the same data directory, typically orphaned when its
     * parent JVM was killed with SIGKILL so no shutdown hook ran. The pid is only acted on when the process's
     * command line passes {@code isOurs}: after a reboot the same pid can belong to an unrelated process.
     *
     * @return whether such a process was found and stopped
     */
    static boolean stopLeftover(long pid, Predicate<List<String>> isOurs, String what, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(Processes::isRunning);
        if (handle.isEmpty()) {
            return false;
        }
        Optional<List<String>> cmdline = commandLine(pid);
        if (cmdline.isEmpty() || !isOurs.test(cmdline.get())) {
            LOG.info("Pid {} from an old {} pid file belongs to another process; leaving it alone", pid, what);
            return false;
        }
        LOG.warn("Stopping {} left running by an earlier run (pid {})", what, pid);
        stop(handle.get(), grace);
        return true;
    }

    /** Sends SIGTERM, waits up to {@code grace}, then SIGKILL; returns once the process is gone. */
    static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        if (!awaitExit(process, grace)) {
            LOG.warn("Process {} did not stop within {}; killing it", process.pid(), grace);
            process.destroyForcibly();
            if (!awaitExit(process, Duration.ofSeconds(10))) {
                throw new IllegalStateException("Process " + process.pid() + " survived SIGKILL");
            }
        }
    }

    /**
     * Waits up to {@code timeout} for the process to exit; returns whether it did. Polls rather than using
     * {@link ProcessHandle#onExit()}, which checks processes that are not our children only every 300+ ms.
     */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    /**
     * Alive and not a zombie. An orphan that exits is reaped by whatever adopted it; where that is a PID 1
     * that never reaps (some containers), it stays a zombie that {@link ProcessHandle#isAlive()} reports alive.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // "pid (command) state ...": the command may contain spaces and parentheses; the state follows
            // the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /** The last {@code lines} lines of a log file, for error messages; a note when the file cannot be read. */
    static String tail(Path file, int lines) {
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(" + file + " could not be read: " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), last);
    }
}
