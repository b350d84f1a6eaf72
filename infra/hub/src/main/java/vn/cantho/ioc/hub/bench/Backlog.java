package vn.cantho.ioc.hub.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the hub's consumers (streams applications, sinks, the alert consumer) are behind their input
 * topics. A freshly started hub first works through the simulator's initial feed history; a benchmark
 * measures steady state only after that backlog is gone.
 */
final class Backlog {

    /**
     * Records a group may be "behind" while idle: with exactly-once, every transaction leaves a
     * commit marker at the end of each partition it wrote, which takes an offset but is never consumed.
     */
    private static final long IDLE_LAG_PER_PARTITION = 2;

    private final Admin admin;

    Backlog(Admin admin) {
        this.admin = admin;
    }

    /** Waits until no group is behind by more than its idle markers; returns the remaining lag per group. */
    Map<String, Long> awaitCaughtUp(Duration timeout) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Long> behind = behindPerGroup();
            if (behind.isEmpty() || System.nanoTime() > deadline) {
                return behind;
            }
            Thread.sleep(1000);
        }
    }

    /** Groups that are behind more than their idle markers, with the records they are behind by. */
    private Map<String, Long> behindPerGroup() throws InterruptedException, ExecutionException {
        Map<String, Long> behind = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            committed.values().removeIf(Objects::isNull);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                    .stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
            if (lag > IDLE_LAG_PER_PARTITION * committed.size()) {
                behind.put(group.groupId(), lag);
            }
        }
        return behind;
    }
}
