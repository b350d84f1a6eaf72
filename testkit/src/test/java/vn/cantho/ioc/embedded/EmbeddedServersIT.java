package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("kafka")
@Tag("mqtt")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EmbeddedServersIT {

    @TempDir
    Path workDir;

    @Test
    void only_the_selected_servers_are_started() {
        // Given Kafka and PostgreSQL are external
        try (EmbeddedServers servers =
                new EmbeddedServers(workDir, OptionalInt.empty(), OptionalInt.of(0), OptionalInt.empty())) {

            // When
            servers.start();

            // Then
            assertThat(servers.mqttUrl())
                    .hasValueSatisfying(url -> assertThat(url).startsWith("tcp://127.0.0.1:"));
            assertThat(servers.kafkaBootstrapServers()).isEmpty();
            assertThat(servers.database()).isEmpty();
            assertThat(workDir.resolve("mqtt/conf/config.xml")).exists();
            assertThat(workDir.resolve("kafka")).doesNotExist();
            assertThat(workDir.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void when_one_server_fails_to_start_the_others_are_stopped_again() throws Exception {
        // Given the MQTT port is taken
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedServers servers = new EmbeddedServers(
                    workDir, OptionalInt.empty(), OptionalInt.of(taken.getLocalPort()), OptionalInt.of(0));

            // When / Then
            assertThatThrownBy(servers::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HiveMQ failed to start");
            // PostgreSQL removes its pid file only when it shuts down
            assertThat(workDir.resolve("postgres/pgdata/postmaster.pid")).doesNotExist();
            assertThat(workDir.resolve("postgres/pgdata/PG_VERSION")).exists();
        }
    }

    @Test
    void the_database_password_is_not_printed() {
        // Given / When
        var connection = new EmbeddedServers.DatabaseConnection("jdbc:postgresql://127.0.0.1:1/ioc", "ioc", "s3cret");

        // Then
        assertThat(connection.toString()).doesNotContain("s3cret").contains("ioc");
    }
}
