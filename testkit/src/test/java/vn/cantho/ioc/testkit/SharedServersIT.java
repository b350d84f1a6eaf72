package vn.cantho.ioc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("kafka")
@Tag("mqtt")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SharedServersIT {

    @Test
    void every_caller_gets_the_same_running_servers_even_when_asking_at_once() throws Exception {
        // Given several threads asking for the servers concurrently
        var calls = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(SharedServers::get))
                .toList();

        // When
        Set<SharedServers> instances = new HashSet<>();
        for (CompletableFuture<SharedServers> call : calls) {
            instances.add(call.get(180, TimeUnit.SECONDS));
        }
        instances.add(SharedServers.get());

        // Then
        assertThat(instances).hasSize(1);
        assertThat(instances.iterator().next().workDir()).isDirectory();
    }

    @Test
    void kafka_mqtt_and_postgres_are_all_reachable() throws Exception {
        // Given
        SharedServers servers = SharedServers.get();

        // When / Then: Kafka
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(1);
        }

        // and MQTT
        MqttAsyncClient mqtt =
                new MqttAsyncClient(servers.mqttUrl(), SharedServers.uniqueName("probe"), new MemoryPersistence());
        try {
            mqtt.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
            assertThat(mqtt.isConnected()).isTrue();
            mqtt.disconnect().waitForCompletion(5_000);
        } finally {
            mqtt.close();
        }

        // and PostgreSQL, as the hub's role
        try (Connection connection =
                DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword())) {
            assertThat(connection.isValid(5)).isTrue();
            assertThat(connection.getMetaData().getUserName()).isEqualTo("ioc");
        }
    }

    @Test
    void unique_names_differ_and_keep_their_prefix() {
        // Given / When
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            names.add(SharedServers.uniqueName("orders"));
        }

        // Then
        assertThat(names).hasSize(1_000).allMatch(name -> name.matches("orders_\\d+_[0-9a-f]{6}"));
    }
}
