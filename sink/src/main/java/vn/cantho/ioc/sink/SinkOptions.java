package vn.cantho.ioc.sink;

import java.time.Duration;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.sink.loop.LoopOptions;

/**
 * The database sinks' settings ({@link SinkSettings}), parsed and checked once.
 *
 * @param aggregateGroupId   {@code SINK_GROUP_ID}, the aggregate sink's consumer group
 * @param observationGroupId {@code OBSERVATION_SINK_GROUP_ID}
 * @param observationConsumers {@code OBSERVATION_SINK_CONSUMERS}, loops of the observation sink
 * @param indicatorGroupId   {@code INDICATOR_SINK_GROUP_ID}
 * @param maxBackoff         {@code SINK_MAX_BACKOFF}, shared by every sink
 */
public record SinkOptions(
        String aggregateGroupId,
        String observationGroupId,
        int observationConsumers,
        String indicatorGroupId,
        Duration maxBackoff) {

    public static SinkOptions from(Config config) {
        return new SinkOptions(
                config.get(SinkSettings.GROUP_ID),
                config.get(SinkSettings.OBSERVATION_GROUP_ID),
                config.get(SinkSettings.OBSERVATION_CONSUMERS),
                config.get(SinkSettings.INDICATOR_GROUP_ID),
                config.get(SinkSettings.MAX_BACKOFF));
    }

    /** The loop of {@link DatabaseSinks#aggregates}. */
    public LoopOptions aggregates(String kafkaBootstrap) {
        return LoopOptions.sink(kafkaBootstrap, aggregateGroupId, maxBackoff);
    }

    /** The loop of {@link DatabaseSinks#observations}. */
    public LoopOptions observations(String kafkaBootstrap) {
        return LoopOptions.sink(kafkaBootstrap, observationGroupId, maxBackoff);
    }

    /** The loop of {@link DatabaseSinks#indicators}. */
    public LoopOptions indicators(String kafkaBootstrap) {
        return LoopOptions.sink(kafkaBootstrap, indicatorGroupId, maxBackoff);
    }
}
