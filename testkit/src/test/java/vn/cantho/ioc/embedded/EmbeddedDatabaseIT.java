package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EmbeddedDatabaseIT {

    @TempDir
    Path dir;

    @Test
    void a_row_written_as_the_ioc_role_survives_a_restart_on_the_same_directory() throws Exception {
        // Given a table and a row written as the hub's role, then a stop
        String password;
        try (EmbeddedDatabase first = new EmbeddedDatabase(dir, 0)) {
            first.start();
            password = first.password();
            try (Connection connection = connect(first);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE reading (sensor text PRIMARY KEY, value double precision)");
                statement.execute("INSERT INTO reading VALUES ('river-level-7', 1.25)");
            }
        }

        // When PostgreSQL starts again on the same directory
        try (EmbeddedDatabase second = new EmbeddedDatabase(dir, 0)) {
            second.start();

            // Then the row and the password are unchanged
            assertThat(second.password()).isEqualTo(password);
            try (Connection connection = connect(second);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT sensor, value FROM reading")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("river-level-7");
                assertThat(rows.getDouble(2)).isEqualTo(1.25);
            }
        }
    }

    @Test
    void the_ioc_role_owns_the_ioc_database_and_must_give_its_password() throws Exception {
        // Given
        try (EmbeddedDatabase db = new EmbeddedDatabase(dir, 0)) {
            db.start();

            // When / Then: the right password works and the role owns the database
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + db.port() + "/ioc");
            assertThat(db.user()).isEqualTo("ioc");
            try (Connection connection = connect(db);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT current_user, pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ioc");
                assertThat(rows.getString(2)).isEqualTo("ioc");
            }
            // and a wrong one is refused
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "wrong")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }

        // and the password file is readable by its owner only
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ioc.password"))))
                .isEqualTo("rw-------");
    }

    @Test
    void a_postmaster_orphaned_by_a_killed_parent_is_stopped_at_the_next_start() throws Exception {
        // Given a PostgreSQL whose parent JVM was killed with SIGKILL
        OrphanMaker.startAndKillParent("postgres", dir);
        long orphanPid = Processes.readPid(dir.resolve("pgdata/postmaster.pid")).orElseThrow();
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();
        assertThat(orphan.isAlive()).isTrue();

        // When PostgreSQL starts on the same directory
        try (EmbeddedDatabase db = new EmbeddedDatabase(dir, 0)) {
            db.start();

            // Then the orphan is gone and the new server works
            assertThat(Processes.isRunning(orphan)).isFalse();
            assertThat(db.pid()).isNotEqualTo(orphanPid);
            try (Connection connection = connect(db)) {
                assertThat(connection.isValid(5)).isTrue();
            }
        } finally {
            orphan.destroyForcibly();
        }
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
