package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    @TempDir
    Path dir;

    private Process sleeper;

    @AfterEach
    void stopSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void a_pid_file_yields_its_first_line_and_a_missing_or_garbled_one_nothing() throws IOException {
        // Given
        Path good = Files.writeString(dir.resolve("good.pid"), "1234\n/var/lib/data\n");
        Path garbled = Files.writeString(dir.resolve("garbled.pid"), "not a pid\n");

        // When / Then
        assertThat(Processes.readPid(good)).hasValue(1234);
        assertThat(Processes.readPid(garbled)).isEmpty();
        assertThat(Processes.readPid(dir.resolve("missing.pid"))).isEmpty();
    }

    @Test
    void a_leftover_is_stopped_only_when_its_command_line_is_recognised() throws Exception {
        // Given a live process that is not ours
        sleeper = new ProcessBuilder("sleep", "60").start();
        long pid = sleeper.pid();
        assertThat(Processes.commandLine(pid))
                .hasValueSatisfying(args -> assertThat(args).containsExactly("sleep", "60"));

        // When it does not match, Then it is left alone
        assertThat(Processes.stopLeftover(pid, args -> args.contains("kafka.Kafka"), "test", Duration.ofSeconds(5)))
                .isFalse();
        assertThat(sleeper.isAlive()).isTrue();

        // When it matches, Then it is stopped
        assertThat(Processes.stopLeftover(pid, args -> args.contains("60"), "test", Duration.ofSeconds(5)))
                .isTrue();
        // (it has terminated; as our own child it is reaped, and so reported exited, a moment later)
        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void the_tail_of_a_log_is_its_last_lines() throws IOException {
        // Given
        Path log = Files.writeString(dir.resolve("x.log"), "one\ntwo\nthree\n");

        // When / Then
        assertThat(Processes.tail(log, 2)).isEqualTo("two" + System.lineSeparator() + "three");
        assertThat(Processes.tail(dir.resolve("none.log"), 2)).contains("could not be read");
    }
}
