package vn.cantho.ioc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimescaleTestServerTest {

    @TempDir
    Path repo;

    @Test
    void the_pglite_folder_is_found_from_any_directory_below_the_repository_root() throws Exception {
        // Given a repository with infra/pglite/server.mjs and a module nested two levels deep
        Path pglite = Files.createDirectories(repo.resolve("infra/pglite"));
        Files.writeString(pglite.resolve("server.mjs"), "");
        Path module = Files.createDirectories(repo.resolve("infra/hub/target"));

        // When / Then
        assertThat(TimescaleTestServer.findUpwards(List.of(module))).contains(pglite);
        assertThat(TimescaleTestServer.findUpwards(List.of(repo))).contains(pglite);
        assertThat(TimescaleTestServer.findUpwards(List.of(pglite))).contains(pglite);
    }

    @Test
    void the_next_start_directory_is_tried_when_the_first_is_outside_the_repository() throws Exception {
        // Given
        Path pglite = Files.createDirectories(repo.resolve("checkout/infra/pglite"));
        Files.writeString(pglite.resolve("server.mjs"), "");
        Path elsewhere = Files.createDirectories(repo.resolve("elsewhere"));

        // When / Then
        assertThat(TimescaleTestServer.findUpwards(List.of(elsewhere))).isEmpty();
        assertThat(TimescaleTestServer.findUpwards(List.of(elsewhere, repo.resolve("checkout/store"))))
                .contains(pglite);
    }

    @Test
    void the_real_pglite_folder_is_found_from_this_module() {
        // Given Maven runs the tests in infra/embedded

        // When
        Path dir = TimescaleTestServer.locatePgliteDir();

        // Then
        assertThat(dir.resolve("server.mjs")).isRegularFile();
        assertThat(dir.resolve("package-lock.json")).isRegularFile();
    }

    @Test
    void missing_node_modules_are_reported_with_the_command_to_run() throws Exception {
        // Given a pglite folder where npm ci never ran
        Path pglite = Files.createDirectories(repo.resolve("infra/pglite"));

        // When / Then
        assertThatThrownBy(() -> TimescaleTestServer.requireInstalled(pglite))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("npm ci")
                .hasMessageContaining(pglite.toString());
    }

    @Test
    void the_port_is_read_from_the_ready_line_only() {
        // Given / When / Then
        assertThat(TimescaleTestServer.readyPort(
                        "READY port=41234 host=127.0.0.1 postgres=17.5 timescaledb=2.23.0-dev startup_ms=3117"))
                .isEqualTo(OptionalInt.of(41234));
        assertThat(TimescaleTestServer.readyPort("[pglite-server] READY port=1"))
                .isEmpty();
        assertThat(TimescaleTestServer.readyPort("READY")).isEmpty();
    }

    @Test
    void a_server_that_was_not_started_has_no_url() {
        // Given / When / Then
        assertThatThrownBy(() -> new TimescaleTestServer().jdbcUrl())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
    }
}
