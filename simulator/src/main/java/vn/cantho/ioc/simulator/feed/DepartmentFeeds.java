package vn.cantho.ioc.simulator.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.simulator.Noise;

/** Every simulated department of Cần Thơ and the feeds it pushes; deterministic for a seed. */
public final class DepartmentFeeds {

    private final List<FeedModel> models;

    public DepartmentFeeds(long seed) {
        Noise noise = new Noise(seed);
        this.models = List.of(
                new StatisticsFeeds(noise),
                new DossierFeed(noise),
                new HotlineFeed(noise),
                new SocialListeningFeed(noise),
                new SocFeeds(noise),
                new TourismFeeds(noise),
                new TrafficSafetyFeed(noise));
    }

    /** What the departments would have pushed by {@code now}, {@code history} back for daily/hourly/event feeds. */
    public List<FeedBatch> batches(Instant now, Duration history) {
        List<FeedBatch> batches = new ArrayList<>();
        models.forEach(model -> batches.addAll(model.batches(now, history)));
        return batches;
    }
}
