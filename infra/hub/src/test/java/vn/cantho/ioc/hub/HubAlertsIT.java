package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.alerting.Command;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;

/**
 * The hub's alert lifecycle as {@code ./ioc up} runs it: a condition event published to Kafka (as the
 * rule processor does) becomes an alert, an operator acknowledges it, and a restarted hub still has
 * the alert, its audit trail and its pending escalation step.
 */
@Tag("hub")
@Tag("kafka")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HubAlertsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_published_condition_becomes_an_alert_and_survives_a_restart_with_its_audit_and_escalation()
            throws Exception {
        Path dataDir = WorkDirectories.temporary("hub-alerts-it");
        String key = "pm25-high|aq-cai-rang-02|";
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert acked;
        List<AlertEvent> trail;

        try (Hub hub = Hub.start(config(dataDir))) {
            // Given
            awaitAlertsHealthy(hub);

            // When
            publish(
                    hub.endpoints().kafkaBootstrap(),
                    new ConditionEvent(
                            ConditionEvent.SCHEMA_VERSION,
                            "hub-alerts-it-1",
                            key,
                            "pm25-high",
                            "aq-cai-rang-02",
                            Scope.DEVICE,
                            "environment",
                            "cai-rang",
                            new TreeMap<>(Map.of("metric", "pm25")),
                            TransitionType.OPENED,
                            at,
                            1,
                            Severity.MAJOR,
                            null,
                            182.0,
                            "PM2.5 182 µg/m³ tại trạm Cái Răng"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !hub.alerts().list(AlertQuery.all()).items().isEmpty());
            Alert alert = hub.alerts().list(AlertQuery.all()).items().get(0);
            hub.alerts()
                    .ack(
                            alert.id(),
                            Command.by("lan.nguyen")
                                    .withComment("đã liên hệ trạm")
                                    .expecting(alert.version()));

            // Then
            acked = hub.alerts().get(alert.id()).orElseThrow();
            trail = hub.alerts().events(alert.id());
            assertThat(acked.handling()).isEqualTo(Handling.ACK);
            assertThat(acked.pendingActions()).singleElement().satisfies(a -> assertThat(a.dueAt())
                    .isEqualTo(at.plus(Duration.ofHours(4))));
            assertThat(trail).extracting(AlertEvent::type).containsExactly(AuditType.OPENED, AuditType.ACKNOWLEDGED);
        }

        try (Hub hub = Hub.start(config(dataDir))) {
            awaitAlertsHealthy(hub);
            Alert after = hub.alerts().get(acked.id()).orElseThrow();
            assertThat(after).isEqualTo(acked);
            assertThat(hub.alerts().events(acked.id())).isEqualTo(trail);
        }
    }

    private static HubConfig config(Path dataDir) {
        return TestHub.in(dataDir).config();
    }

    private static void publish(String bootstrap, ConditionEvent event) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, ConditionEvent> producer = new KafkaProducer<>(
                props,
                Topics.ALERT_CONDITIONS.keySerde().serializer(),
                Topics.ALERT_CONDITIONS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERT_CONDITIONS.name(), event.alertKey(), event))
                    .get();
        }
    }

    private void awaitAlertsHealthy(Hub hub) {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + hub.endpoints().httpPort() + "/health"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode alerts =
                    Json.mapper().readTree(response.body()).get("components").get("alerts");
            assertThat(alerts).as(response.body()).isNotNull();
        });
    }
}
