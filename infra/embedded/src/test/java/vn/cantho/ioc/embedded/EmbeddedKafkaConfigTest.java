package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaConfigTest {

    private static Properties render(int port, int controllerPort) throws IOException {
        Properties properties = new Properties();
        properties.load(
                new StringReader(EmbeddedKafka.serverProperties(Path.of("/data/kafka/data"), port, controllerPort)));
        return properties;
    }

    @Test
    void the_single_node_is_broker_and_controller_and_votes_for_its_own_controller_listener() throws IOException {
        // Given / When
        Properties properties = render(9092, 9093);

        // Then
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka/data");
    }

    @Test
    void every_internal_topic_accepts_replication_factor_one() throws IOException {
        // Given / When
        Properties properties = render(9092, 9093);

        // Then
        assertThat(properties)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void the_log_cleaner_map_is_small_enough_for_the_fixed_heap() throws IOException {
        // Given / When
        Properties properties = render(9092, 9093);

        // Then the 128 MiB default would be half the broker's heap
        assertThat(Long.parseLong(properties.getProperty("log.cleaner.dedupe.buffer.size")))
                .isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void the_child_logging_configuration_is_well_formed_xml() {
        // Given
        byte[] xml = EmbeddedKafka.logbackXml().getBytes(StandardCharsets.UTF_8);

        // When / Then
        assertThatCode(() -> DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml)))
                .doesNotThrowAnyException();
    }
}
