package vn.cantho.ioc.streams.kpi;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.FeedRecord;

/**
 * First stage of the KPI topology, per feed record key: turns each record version into the change it
 * makes to the KPI cells. It remembers what the previous version of the key contributed and forwards,
 * per cell, the new contribution minus the old one — so a correction replaces the earlier figures, a
 * re-pushed identical record changes nothing, and a tombstone (null value) removes the record.
 * Output key: the cell's {@link Bucket#key()}.
 */
final class ContributionDiffer implements Processor<String, FeedRecord, String, BucketDelta> {

    private static final Logger LOG = LoggerFactory.getLogger(ContributionDiffer.class);

    private final KpiCatalog catalog;
    private final String storeName;
    private ProcessorContext<String, BucketDelta> context;
    private KeyValueStore<String, RecordContributions> versions;

    ContributionDiffer(KpiCatalog catalog, String storeName) {
        this.catalog = catalog;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, BucketDelta> context) {
        this.context = context;
        this.versions = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, FeedRecord> record) {
        if (record.key() == null) {
            return;
        }
        List<Contribution> now = contributionsOf(record);
        if (now == null) {
            return;
        }
        RecordContributions before = versions.get(record.key());
        if (before == null && now.isEmpty()) {
            return;
        }
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Double>>> deltas = new LinkedHashMap<>();
        if (before != null) {
            before.contributions().forEach(c -> add(buckets, deltas, c, -1));
        }
        now.forEach(c -> add(buckets, deltas, c, 1));
        if (now.isEmpty()) {
            versions.delete(record.key());
        } else {
            versions.put(record.key(), new RecordContributions(now));
        }
        Instant computedAt = record.value() != null && record.value().receivedAt() != null
                ? record.value().receivedAt()
                : Instant.ofEpochMilli(record.timestamp());
        deltas.forEach((key, slots) -> {
            slots.values().forEach(sums -> sums.values().removeIf(v -> Math.abs(v) < BucketState.EPSILON));
            slots.values().removeIf(Map::isEmpty);
            if (!slots.isEmpty()) {
                context.forward(record.withKey(key).withValue(new BucketDelta(buckets.get(key), slots, computedAt)));
            }
        });
    }

    /** The record's contributions; empty for a tombstone; null for a record that cannot be read (logged, skipped). */
    private List<Contribution> contributionsOf(Record<String, FeedRecord> record) {
        if (record.value() == null) {
            return List.of();
        }
        try {
            return catalog.contributions(record.value());
        } catch (RuntimeException e) {
            // Ingest validated the record against its feed; a record this stage cannot read is a schema
            // mismatch between the two. Skipping it keeps every other KPI flowing.
            LOG.warn("feed record {} skipped by the KPI topology: {}", record.key(), e.toString());
            return null;
        }
    }

    private static void add(
            Map<String, Bucket> buckets,
            Map<String, Map<String, Map<String, Double>>> deltas,
            Contribution contribution,
            int sign) {
        String key = contribution.bucket().key();
        buckets.putIfAbsent(key, contribution.bucket());
        Map<String, Double> sums = deltas.computeIfAbsent(key, k -> new TreeMap<>())
                .computeIfAbsent(contribution.slot(), s -> new HashMap<>());
        contribution.sums().forEach((name, value) -> sums.merge(name, sign * value, Double::sum));
    }
}
