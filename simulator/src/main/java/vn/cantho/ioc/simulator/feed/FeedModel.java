package vn.cantho.ioc.simulator.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One department's simulated reporting: the records it would have pushed by {@code now}, as a pure
 * function of the seed and the periods (the same seed replays the same city). Periodic reports are the
 * same every time they are asked for, so pushing them again is a duplicate the hub ignores; event
 * records (1022 reports, incidents) carry their status at {@code now}, so a later push is a correction.
 */
interface FeedModel {

    /** @param history how far back from {@code now} daily, hourly and event records are included */
    List<FeedBatch> batches(Instant now, Duration history);
}
