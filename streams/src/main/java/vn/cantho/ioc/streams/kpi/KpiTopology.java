package vn.cantho.ioc.streams.kpi;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import vn.cantho.ioc.model.kafka.SmileSerde;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.IndicatorRegistry;

/**
 * The department KPIs (see {@code docs/kpis.md}): feed records from {@link Topics#FEED_RECORDS} become
 * KPI values on {@link Topics#INDICATORS}. Its own streams application ({@code ioc-kpis} in the hub).
 *
 * <pre>
 * feed-records-source
 *   -> diff-record-versions   (store kpi-record-versions: what each record key's latest version contributed)
 *   -> kpi-cell-deltas        (repartition by cell, so one task owns each cell)
 *   -> aggregate-cells        (store kpi-cells: the sums of each cell)
 *   -> indicators-sink
 * </pre>
 *
 * <p>The feed topic is compacted and a record with a known key is a correction, so the first stage
 * subtracts what the previous version contributed before adding the new one, and sends one net change
 * per cell: corrections replace, identical re-pushes change nothing, nothing is counted twice.
 */
public final class KpiTopology {

    /** What the latest version of each feed record contributed, by record key. */
    public static final String VERSIONS_STORE = "kpi-record-versions";
    /** The running sums of each KPI cell, by cell key. */
    public static final String CELLS_STORE = "kpi-cells";
    /** Name of the repartition topic (prefixed with the application id by Kafka Streams). */
    public static final String REPARTITION = "kpi-cell-deltas";

    private KpiTopology() {}

    public static Topology build(IndicatorRegistry registry, SlaPolicy sla) {
        KpiCatalog catalog = new KpiCatalog(registry, sla);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VERSIONS_STORE),
                Serdes.String(),
                new SmileSerde<>(RecordContributions.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CELLS_STORE), Serdes.String(), new SmileSerde<>(BucketState.class)));
        builder.stream(
                        Topics.FEED_RECORDS.name(),
                        Consumed.with(Topics.FEED_RECORDS.keySerde(), Topics.FEED_RECORDS.valueSerde())
                                .withName("feed-records-source"))
                .process(
                        () -> new ContributionDiffer(catalog, VERSIONS_STORE),
                        Named.as("diff-record-versions"),
                        VERSIONS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), new SmileSerde<>(BucketDelta.class))
                        .withName(REPARTITION))
                .process(() -> new BucketAggregator(catalog, CELLS_STORE), Named.as("aggregate-cells"), CELLS_STORE)
                .to(
                        Topics.INDICATORS.name(),
                        Produced.with(Topics.INDICATORS.keySerde(), Topics.INDICATORS.valueSerde())
                                .withName("indicators-sink"));
        return builder.build();
    }
}
