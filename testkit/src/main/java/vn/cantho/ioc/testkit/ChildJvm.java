package vn.cantho.ioc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.embedded.ChildClasspath;

/**
 * A class's {@code main} run in a JVM of its own, with this JVM's classpath and its output in a log file: how the
 * integration tests run a hub, an ingest bridge or a benchmark as the separate process a user runs, so it can be
 * killed, signalled and started again.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * A process builder for {@code java -Xmx<heap> -cp <this JVM's classpath> <main> <args>}, output and errors
     * written to {@code log} (replacing what it held); the caller adds environment and starts it.
     */
    public static ProcessBuilder of(String heap, Class<?> main, Path log, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ChildClasspath.join(ChildClasspath.ofCurrentJvm()));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    /** Waits until {@code log} holds {@code text}; fails at once, naming the log, if the process ends first. */
    public static void awaitOutput(Process process, Path log, String text, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("process alive; see " + log).isTrue();
            return Files.exists(log) && Files.readString(log).contains(text);
        });
    }
}
