package vn.cantho.ioc.model.kafka;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.alert.ConditionEvent;

/**
 * The registry of every Kafka topic the hub uses. No other code names a topic with a string.
 * Names carry a contract version ({@code .v1}); a breaking change of a value type gets a new topic.
 */
public final class Topics {

    /**
     * Sensor readings as accepted by ingest; key = device id, so one partition owns each device. Only the hub's own
     * stages read it (four consumers per reading), so it is Smile, not JSON text; readings written as JSON before
     * the switch are still read.
     */
    public static final Topic<String, Reading> TELEMETRY =
            new Topic<>("ioc.telemetry.v1", Serdes.String(), new SmileSerde<>(Reading.class), 3, false);

    /** Everything ingest or streams rejected, with the original bytes and a reason code; key = source id. */
    public static final Topic<String, DeadLetter> DEAD_LETTER =
            new Topic<>("ioc.deadletter.v1", Serdes.String(), new JsonSerde<>(DeadLetter.class), 1, false);

    /**
     * Latest state of each 1-minute aggregate (per device and per area); key =
     * {@link Aggregate#key()}, so the topic is compacted and the sink can upsert.
     */
    public static final Topic<String, Aggregate> AGGREGATES_1M =
            new Topic<>("ioc.aggregates.1m.v1", Serdes.String(), new JsonSerde<>(Aggregate.class), 3, true);

    /**
     * Department feed records accepted by the feed API; key = {@link FeedRecord#key()} ({@code feed|recordKey}).
     * Compacted: a record's newest version (a correction) replaces the older ones, and every record's
     * latest version is kept, so the store can always be rebuilt from the topic.
     */
    public static final Topic<String, FeedRecord> FEED_RECORDS =
            new Topic<>("ioc.feed-records.v1", Serdes.String(), new JsonSerde<>(FeedRecord.class), 3, true);

    /**
     * Derived indicators and department KPIs (VN_AQI, flood alert level, on-time rates, ...); key =
     * {@link Indicator#key()}. Compacted: the newest version of a period's value replaces older ones.
     */
    public static final Topic<String, Indicator> INDICATORS =
            new Topic<>("ioc.indicators.v1", Serdes.String(), new JsonSerde<>(Indicator.class), 3, true);

    /**
     * Condition-axis events of alerts from the rule processor; key = {@link ConditionEvent#alertKey()},
     * so one partition holds every event of an alert, in order. Not compacted: every event is audit history.
     */
    public static final Topic<String, ConditionEvent> ALERT_CONDITIONS =
            new Topic<>("ioc.alert-conditions.v1", Serdes.String(), new JsonSerde<>(ConditionEvent.class), 3, false);

    private Topics() {}

    /** Every topic the hub creates at start. */
    public static List<Topic<?, ?>> all() {
        return List.of(TELEMETRY, DEAD_LETTER, AGGREGATES_1M, FEED_RECORDS, INDICATORS, ALERT_CONDITIONS);
    }
}
