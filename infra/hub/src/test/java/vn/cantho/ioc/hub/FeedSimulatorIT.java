package vn.cantho.ioc.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.simulator.feed.DepartmentFeeds;
import vn.cantho.ioc.simulator.feed.FeedBatch;
import vn.cantho.ioc.simulator.feed.FeedClient;
import vn.cantho.ioc.simulator.feed.FeedSimulator;
import vn.cantho.ioc.simulator.feed.FeedTokens;
import vn.cantho.ioc.testkit.KafkaTail;

/**
 * The feed simulator against the real feed API (real HTTP, tokens, ledger, Kafka): every simulated
 * department's push is accepted with no rejected row, lands in Kafka, and a later round re-pushes the
 * unchanged records as duplicates and changed 1022 reports as corrections.
 */
@Tag("kafka")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FeedSimulatorIT {

    private static final Duration HISTORY = Duration.ofDays(3);

    @Test
    void every_simulated_push_is_accepted_and_lands_in_kafka_and_a_later_round_counts_nothing_twice() throws Exception {
        // Given the real feed API with the embedded default's demo tokens
        Path dataDir = WorkDirectories.temporary("feed-sim-it");
        Instant start = Instant.now();
        try (FeedServerFixture api = new FeedServerFixture(dataDir);
                KafkaTail<FeedRecord> topic = new KafkaTail<>(api.servers.kafkaBootstrap(), Topics.FEED_RECORDS)) {
            Map<String, String> tokens = FeedTokens.read(api.demoTokens);
            DepartmentFeeds departments = new DepartmentFeeds(42);
            Instant now = Instant.now();
            Map<String, Integer> expected = new TreeMap<>();
            for (FeedBatch batch : departments.batches(now, HISTORY)) {
                expected.merge(batch.feed(), batch.records().size(), Integer::sum);
            }

            // When the simulated departments push once
            FeedSimulator.Summary first;
            try (FeedSimulator simulator = new FeedSimulator(
                    departments,
                    new FeedClient(api.url()),
                    tokens,
                    Clock.fixed(now, ZoneOffset.UTC),
                    Duration.ofHours(1),
                    HISTORY)) {
                first = simulator.pushAll();
            }
            long rows = expected.values().stream().mapToLong(Integer::longValue).sum();

            // Then every push was accepted, with no rejected row, and every record is in Kafka
            assertThat(expected.keySet())
                    .containsExactlyInAnyOrder(
                            "socioeconomic-monthly",
                            "socioeconomic-quarterly",
                            "dossiers-daily",
                            "hotline-1022-reports",
                            "social-listening-hourly",
                            "soc-daily",
                            "soc-incidents",
                            "tourism-monthly",
                            "hotel-occupancy-daily",
                            "traffic-safety-daily");
            assertThat(first.refused()).isZero();
            assertThat(first.failed()).isZero();
            assertThat(first.rejected()).isZero();
            assertThat(first.duplicates()).isZero();
            assertThat(first.accepted()).isEqualTo(rows);
            Map<String, Integer> inKafka = topic.upToEnd(r -> true).stream()
                    .map(ConsumerRecord::value)
                    .filter(r -> !r.receivedAt().isBefore(start))
                    .collect(Collectors.toMap(FeedRecord::feed, r -> 1, Integer::sum, TreeMap::new));
            assertThat(inKafka).isEqualTo(expected);

            // When they push again six hours later (reports get acknowledged and resolved meanwhile, day or night)
            FeedSimulator.Summary second;
            try (FeedSimulator simulator = new FeedSimulator(
                    departments,
                    new FeedClient(api.url()),
                    tokens,
                    Clock.fixed(now.plus(Duration.ofHours(6)), ZoneOffset.UTC),
                    Duration.ofHours(1),
                    HISTORY)) {
                second = simulator.pushAll();
            }

            // Then unchanged records are duplicates, changed ones corrections, and still nothing is rejected
            assertThat(second.rejected()).isZero();
            assertThat(second.refused()).isZero();
            assertThat(second.duplicates()).isGreaterThan(0);
            assertThat(second.corrections()).isGreaterThan(0);
            assertThat(second.accepted() - second.corrections())
                    .as("new records of the two hours")
                    .isLessThan(rows / 2);
        }
    }
}
