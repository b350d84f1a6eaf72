package vn.cantho.ioc.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import vn.cantho.ioc.model.kafka.Topics;

/**
 * How far the hub's consumers (streams applications, sinks, the alert consumer) are behind their input
 * topics. A freshly started hub first works through the simulator's initial feed push (14 days of
 * history); a benchmark measures the steady state only after that backlog is gone.
 */
final class Backlog {

    /**
     * Records a group may be "behind" while idle: with exactly-once, every transaction leaves a
     * commit marker at the end of each partition it wrote, which takes an offset but is never consumed.
     */
    private static final long IDLE_LAG_PER_PARTITION = 2;

    /** The simulator pushes its feeds one after another with short gaps: caught up means caught up this long. */
    private static final Duration QUIET = Duration.ofSeconds(10);

    private final Admin admin;

    Backlog(Admin admin) {
        this.admin = admin;
    }

    /**
     * Waits until the simulator's first feed push has reached Kafka and then no group has been behind
     * (beyond its idle markers) for {@link #QUIET} in a row; returns the remaining lag per group
     * (empty when caught up, else what was still behind at the timeout).
     */
    Map<String, Long> awaitCaughtUp(Duration timeout) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = -1;
        while (true) {
            Map<String, Long> behind = behindPerGroup();
            long now = System.nanoTime();
            boolean fed = feedRecords() > 0;
            quietSince = behind.isEmpty() && fed ? (quietSince < 0 ? now : quietSince) : -1;
            if (quietSince >= 0 && now - quietSince >= QUIET.toNanos() || now > deadline) {
                return behind;
            }
            Thread.sleep(1000);
        }
    }

    private long feedRecords() throws InterruptedException, ExecutionException {
        String topic = Topics.FEED_RECORDS.name();
        int partitions = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
    }

    /** Groups that are behind more than their idle markers, with the records they are behind by. */
    private Map<String, Long> behindPerGroup() throws InterruptedException, ExecutionException {
        Map<String, Long> behind = new HashMap<>();
        Map<String, Integer> partitions = new HashMap<>();
        lagPerGroup(partitions).forEach((group, lag) -> {
            if (lag > IDLE_LAG_PER_PARTITION * partitions.get(group)) {
                behind.put(group, lag);
            }
        });
        return behind;
    }

    /** Every consumer group with committed offsets, with the records it is behind by over all its partitions. */
    Map<String, Long> lagPerGroup() throws InterruptedException, ExecutionException {
        return lagPerGroup(new HashMap<>());
    }

    private Map<String, Long> lagPerGroup(Map<String, Integer> partitions)
            throws InterruptedException, ExecutionException {
        Map<String, Long> lags = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            committed.values().removeIf(Objects::isNull);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all()
                    .get();
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                lag += Math.max(
                        0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
            lags.put(group.groupId(), lag);
            partitions.put(group.groupId(), committed.size());
        }
        return lags;
    }
}
