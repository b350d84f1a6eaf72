package vn.cantho.ioc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.testkit.ChildJvm;

/**
 * {@code ./ioc bench hub} stopped from outside mid-run (SIGTERM, as a shell's {@code kill} or a CI timeout sends)
 * stops everything it started: the hub's Kafka broker (a child JVM in a session of its own), PostgreSQL, and deletes
 * its work directory.
 */
@Tag("hub")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HubBenchmarkStopIT {

    private Process bench;
    private final List<Long> servers = new ArrayList<>();

    /** Whatever the outcome, nothing of this test keeps running (a failed run would leave the broker behind). */
    @AfterEach
    void stopBenchmark() throws InterruptedException {
        if (bench != null && bench.isAlive()) {
            bench.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        servers.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void a_benchmark_stopped_with_sigterm_leaves_no_broker_database_or_work_directory_behind() throws Exception {
        // Given a benchmark of ten minutes in its own JVM, its temporary files in a directory of this test's
        Path tmp = WorkDirectories.temporary("bench-stop");
        Path log = tmp.resolve("bench.log");
        Files.createDirectories(tmp.resolve("tmp"));
        bench = ChildJvm.of(
                        "384m",
                        HubBenchmark.class,
                        log,
                        List.of("-Djava.io.tmpdir=" + tmp.resolve("tmp")),
                        "--rate",
                        "20",
                        "--duration",
                        "10m",
                        "--probes",
                        "1",
                        "--no-ceilings")
                .start();
        // and measuring: its hub is up, with a broker and a database
        ChildJvm.awaitOutput(bench, log, "load: publishing", Duration.ofMinutes(3));
        long kafka = pidIn(tmp, "kafka.pid");
        long postgres = pidIn(tmp, "postmaster.pid");
        servers.addAll(List.of(kafka, postgres));
        assertThat(List.of(kafka, postgres))
                .allMatch(pid -> ProcessHandle.of(pid).isPresent());

        // When it is sent SIGTERM
        bench.destroy();

        // Then it exits, the broker and the database are stopped, and its work directory is gone
        assertThat(bench.waitFor(2, TimeUnit.MINUTES))
                .as("benchmark exits; see " + log)
                .isTrue();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ProcessHandle.of(kafka).isEmpty()
                        && ProcessHandle.of(postgres).isEmpty());
        try (Stream<Path> left = Files.list(tmp.resolve("tmp"))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("ioc-bench-hub")))
                    .isEmpty();
        }
    }

    /** The pid on the first line of the file called {@code name} under {@code dir} (each server writes one). */
    private static long pidIn(Path dir, String name) throws IOException {
        Optional<Path> file;
        try (Stream<Path> files = Files.walk(dir)) {
            file = files.filter(p -> p.getFileName().toString().equals(name)).findFirst();
        }
        assertThat(file).as(name + " under " + dir).isPresent();
        return Long.parseLong(Files.readAllLines(file.get()).get(0).trim());
    }
}
