package vn.cantho.ioc.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.kafka.Topic;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.sink.loop.RecordReader;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * A real sink and a real streams application on the shared Kafka broker register their stage meters, and a
 * Prometheus scrape shows them under the names the platform dashboard reads (model StageMeters).
 */
@Tag("kafka")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StageMetersIT {

    private static final SharedServers SERVERS = SharedServers.get();

    @Test
    void aSinkAndAStreamsApplicationExportTheirMetersOnTheHubsRegistry() throws Exception {
        // Given the hub's kind of registry on Micrometer's global registry, and two fresh topics
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(registry);
        String input = SharedServers.uniqueName("meters-in");
        String output = SharedServers.uniqueName("meters-out");
        String group = SharedServers.uniqueName("meters-sink");
        String appId = SharedServers.uniqueName("meters-app");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SERVERS.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(input, 1, (short) 1), new NewTopic(output, 1, (short) 1)))
                    .all()
                    .get();
        }
        Topic<String, String> outputTopic = new Topic<>(output, Serdes.String(), Serdes.String(), 1, false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        AtomicInteger written = new AtomicInteger();
        try (StreamsRunner streams = new StreamsRunner(
                        builder.build(),
                        StreamsRunner.properties(
                                appId, SERVERS.kafkaBootstrap(), WorkDirectories.temporary("meters-state"), 1, 1));
                KafkaToDatabase<String> sink = KafkaToDatabase.sink(
                        RecordReader.of(outputTopic, "string"),
                        LoopOptions.sink(SERVERS.kafkaBootstrap(), group, Duration.ofSeconds(1)),
                        batch -> {
                            written.addAndGet(batch.size());
                            return batch.size();
                        });
                KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafkaBootstrap()),
                        new StringSerializer(),
                        new StringSerializer())) {
            streams.start();
            sink.start();
            // When records flow through the streams application into the sink
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>(input, "k" + i, "v" + i)).get();
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> written.get() >= 50);

            // Then a scrape has the sink's rows and batch latency, the lag of both groups and the process rate
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String scrape = registry.scrape();
                assertThat(scrape)
                        .contains("ioc_sink_rows_total{group=\"" + group + "\",sink=\"" + output + "\"} 50.0");
                assertThat(scrape).contains("ioc_sink_batch_seconds_bucket{group=\"" + group + "\"");
                assertThat(scrape).contains("ioc_kafka_consumer_lag_records{group=\"" + group + "\"}");
                assertThat(scrape).contains("ioc_kafka_consumer_lag_records{group=\"" + appId + "\"}");
                assertThat(scrape).contains("ioc_streams_process_rate{application_id=\"" + appId + "\"}");
                // The names the dashboard reads come from the one registry of names.
                assertThat(StageMeters.prometheusNames())
                        .contains(
                                "ioc_sink_rows_total",
                                "ioc_sink_batch_seconds",
                                "ioc_kafka_consumer_lag_records",
                                "ioc_streams_process_rate");
            });
        } finally {
            Metrics.removeRegistry(registry);
        }
        // And once closed, the gauges are gone, so a restarted stage registers fresh ones
        assertThat(registry.scrape()).doesNotContain("ioc_kafka_consumer_lag_records{group=\"" + group + "\"}");
        registry.close();
    }
}
