package vn.cantho.ioc.simulator.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.stage.Part;

/**
 * Pushes the simulated departments' feeds to the hub's feed API over HTTP, as each department's own
 * system would: at start and then every {@code interval}, every feed's records of the last
 * {@code history} (monthly and quarterly releases further back) in pushes of at most
 * {@value #MAX_ROWS_PER_PUSH} rows, each department with its own token. Records already pushed come
 * back as duplicates (ignored by the hub), changed event records as corrections. A feed whose
 * department has no token is skipped with a warning.
 */
public final class FeedSimulator implements Part {

    static final int MAX_ROWS_PER_PUSH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(FeedSimulator.class);

    private final DepartmentFeeds departments;
    private final FeedClient client;
    private final Map<String, String> tokens;
    private final Clock clock;
    private final Duration interval;
    private final Duration history;
    private final Summary summary = new Summary();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "feed-simulator");
        thread.setDaemon(true);
        return thread;
    });

    /** Counts of everything pushed so far. */
    public static final class Summary {
        private final AtomicLong pushes = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong corrections = new AtomicLong();

        /** Pushes answered 202. */
        public long pushes() {
            return pushes.get();
        }

        /** Pushes answered with another status (a bug or a misconfigured token). */
        public long refused() {
            return refused.get();
        }

        /** Pushes that could not be delivered (the API unreachable or kept answering 503). */
        public long failed() {
            return failed.get();
        }

        public long accepted() {
            return accepted.get();
        }

        public long rejected() {
            return rejected.get();
        }

        public long duplicates() {
            return duplicates.get();
        }

        public long corrections() {
            return corrections.get();
        }

        @Override
        public String toString() {
            return "pushes " + pushes + ", refused " + refused + ", failed " + failed + ", rows accepted " + accepted
                    + " (corrections " + corrections + "), rejected " + rejected + ", duplicates " + duplicates;
        }
    }

    /**
     * The feed simulator a hub runs: the simulated departments (seeded by {@code seed}) push to the feed API at
     * {@code url} with the tokens of {@code tokensFile}, like any client, on the system clock.
     */
    public static FeedSimulator departments(URI url, Path tokensFile, long seed, Duration interval, Duration history)
            throws IOException {
        return new FeedSimulator(
                new DepartmentFeeds(seed),
                new FeedClient(url),
                FeedTokens.read(tokensFile),
                Clock.systemUTC(),
                interval,
                history);
    }

    public FeedSimulator(
            DepartmentFeeds departments,
            FeedClient client,
            Map<String, String> tokens,
            Clock clock,
            Duration interval,
            Duration history) {
        this.departments = departments;
        this.client = client;
        this.tokens = Map.copyOf(tokens);
        this.clock = clock;
        this.interval = interval;
        this.history = history;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::pushAllQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("feed simulator pushing to {} every {} ({} of history)", client.base(), interval, history);
    }

    private void pushAllQuietly() {
        try {
            pushAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("feed simulator round failed: {}", e.toString());
        }
    }

    /** One round: every feed's records as of now. */
    public Summary pushAll() throws InterruptedException {
        Instant now = clock.instant();
        for (FeedBatch batch : departments.batches(now, history)) {
            String token = tokens.get(batch.department());
            if (token == null) {
                LOG.warn("no token for department {}; feed {} not pushed", batch.department(), batch.feed());
                continue;
            }
            List<Map<String, Object>> records = batch.records();
            for (int from = 0; from < records.size(); from += MAX_ROWS_PER_PUSH) {
                push(batch.feed(), token, records.subList(from, Math.min(records.size(), from + MAX_ROWS_PER_PUSH)));
            }
        }
        return summary;
    }

    private void push(String feed, String token, List<Map<String, Object>> records) throws InterruptedException {
        try {
            PushResult result = client.push(feed, token, records);
            if (result.status() != 202) {
                summary.refused.incrementAndGet();
                LOG.warn("feed API refused a push to {}: {} {}", feed, result.status(), result.body());
                return;
            }
            summary.pushes.incrementAndGet();
            summary.accepted.addAndGet(result.accepted());
            summary.rejected.addAndGet(result.rejected());
            summary.duplicates.addAndGet(result.duplicates());
            summary.corrections.addAndGet(result.corrections());
            if (result.rejected() > 0) {
                LOG.warn("feed API rejected {} simulated rows of {}: {}", result.rejected(), feed, result.body());
            }
        } catch (IOException e) {
            summary.failed.incrementAndGet();
            LOG.warn("could not push {} rows to {}: {}", records.size(), feed, e.toString());
        }
    }

    public Summary summary() {
        return summary;
    }

    @Override
    public Status check() {
        return Status.up("pushing feeds: " + summary);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("feed simulator stopped: {}", summary);
    }
}
