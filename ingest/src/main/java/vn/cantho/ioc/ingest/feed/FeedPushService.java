package vn.cantho.ioc.ingest.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.store.StoreException;
import vn.cantho.ioc.store.feed.FeedLedger;

/**
 * Processes one push to one feed: reads the body, checks every row, drops rows already received,
 * forwards the rest to Kafka and dead-letters the rejected ones.
 *
 * <p>Order, so that nothing accepted is lost: (1) look up which keys the feed forwarded before, with
 * which content; (2) send new and changed records to {@code ioc.feed-records.v1} and rejected rows to
 * {@code ioc.deadletter.v1} and wait until Kafka has acknowledged every one ({@code acks=all},
 * idempotent producer); (3) only then record the forwarded keys and content hashes as seen; (4) answer
 * 202. If (2) fails the push is answered 503 and nothing is recorded, so a retry forwards everything
 * again. If the process dies between (2) and (3), a retry forwards some records a second time: the
 * topic is keyed and compacted and consumers upsert by key, so a second copy of the same record
 * changes nothing. Records are never marked seen before Kafka has them, so a duplicate verdict can
 * never hide a record Kafka lost.
 */
public final class FeedPushService {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPushService.class);
    /** A dead letter keeps at most this much of a rejected row. */
    static final int MAX_DEAD_LETTER_PAYLOAD = 64 * 1024;

    private static final int MAX_DEAD_LETTER_DETAIL = 2000;

    private final FeedLedger ledger;
    private final Producer<byte[], byte[]> producer;
    private final TextNormalizer normalizer;
    private final Clock clock;
    private final Duration kafkaTimeout;
    private final FeedStats stats;
    private final Map<String, RowValidator> validators = new ConcurrentHashMap<>();

    /**
     * @param kafkaTimeout how long a push waits for Kafka to acknowledge its records before it is
     *                     answered 503 (the records may still arrive; a retry is harmless)
     */
    public FeedPushService(
            FeedLedger ledger,
            Producer<byte[], byte[]> producer,
            TextNormalizer normalizer,
            Clock clock,
            Duration kafkaTimeout,
            FeedStats stats) {
        this.ledger = ledger;
        this.producer = producer;
        this.normalizer = normalizer;
        this.clock = clock;
        this.kafkaTimeout = kafkaTimeout;
        this.stats = stats;
    }

    /**
     * @param tokenId which token pushed, for the records' source
     * @param maxRows the server-wide row limit; the feed's own {@code maxRows} applies when smaller
     * @throws FeedException BAD_JSON/BAD_CSV, PAYLOAD_TOO_LARGE (rows), KAFKA_UNAVAILABLE or DATABASE_UNAVAILABLE
     */
    public PushResponse push(FeedDefinition feed, long tokenId, BodyFormat format, byte[] body, int maxRows) {
        long started = System.nanoTime();
        Instant receivedAt = clock.instant();
        int limit = Math.min(maxRows, feed.maxRows());
        List<RawRow> rows =
                format == BodyFormat.JSON ? JsonBodyReader.read(body, limit) : CsvBodyReader.read(body, feed, limit);
        long parsed = System.nanoTime();
        RowValidator validator = validators.computeIfAbsent(feed.id(), id -> new RowValidator(feed, normalizer, clock));

        List<ValidRow> valid = new ArrayList<>(rows.size());
        List<RowOutcome.Rejected> rejected = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        for (RawRow raw : rows) {
            RowOutcome outcome = validator.validate(raw);
            if (outcome instanceof ValidRow row) {
                Integer first = firstRowOfKey.putIfAbsent(row.recordKey(), row.row());
                if (first == null) {
                    valid.add(row);
                } else {
                    rejected.add(new RowOutcome.Rejected(
                            row.row(),
                            List.of(new RowError(
                                    row.row(),
                                    String.join(",", feed.key()),
                                    RowErrorCode.DUPLICATE_KEY_IN_BODY,
                                    "row " + first
                                            + " of this push has the same record key ("
                                            + RowValidator.abbreviate(row.recordKey())
                                            + "); the first one counts")),
                            row.original()));
                }
            } else {
                rejected.add((RowOutcome.Rejected) outcome);
            }
        }

        Map<String, byte[]> hashes = new LinkedHashMap<>();
        for (ValidRow row : valid) {
            hashes.put(row.recordKey(), contentHash(row.fields()));
        }
        long checked = System.nanoTime();
        Map<String, byte[]> seen =
                database("looking up earlier records", () -> ledger.seenHashes(feed.id(), hashes.keySet()));
        long looked = System.nanoTime();
        List<ValidRow> forward = new ArrayList<>();
        Map<String, byte[]> forwardHashes = new HashMap<>();
        int corrections = 0;
        for (ValidRow row : valid) {
            byte[] previous = seen.get(row.recordKey());
            byte[] hash = hashes.get(row.recordKey());
            if (previous != null && Arrays.equals(previous, hash)) {
                continue;
            }
            if (previous != null) {
                corrections++;
            }
            forward.add(row);
            forwardHashes.put(row.recordKey(), hash);
        }

        String source = "feeds/" + feed.id() + "/token/" + tokenId;
        send(feed, forward, rejected, source, receivedAt);
        long sent = System.nanoTime();
        database("recording the forwarded records", () -> {
            ledger.markSeen(feed.id(), forwardHashes);
            return null;
        });

        PushResponse response = response(feed, valid, forward.size(), corrections, rejected);
        stats.countPush(response);
        rejected.forEach(r -> r.errors().forEach(e -> stats.countRowError(e.code())));
        long done = System.nanoTime();
        LOG.info(
                "feed {}: {} rows in {} ms (read {}, check {}, lookup {}, kafka {}, record {}): accepted {}"
                        + " (corrections {}), rejected {}, duplicates {}",
                feed.id(),
                rows.size(),
                millis(started, done),
                millis(started, parsed),
                millis(parsed, checked),
                millis(checked, looked),
                millis(looked, sent),
                millis(sent, done),
                response.accepted(),
                corrections,
                response.rejected(),
                response.duplicates());
        return response;
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    private void send(
            FeedDefinition feed,
            List<ValidRow> forward,
            List<RowOutcome.Rejected> rejected,
            String source,
            Instant receivedAt) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(forward.size() + rejected.size());
        try {
            for (ValidRow row : forward) {
                FeedRecord record = record(feed, row, source, receivedAt);
                acks.add(producer.send(Topics.FEED_RECORDS.record(record.key(), record)));
            }
            for (RowOutcome.Rejected row : rejected) {
                DeadLetter letter = DeadLetter.of(
                        DeadLetterReason.BAD_RECORD,
                        detail(feed, row),
                        source,
                        Arrays.copyOf(row.original(), Math.min(row.original().length, MAX_DEAD_LETTER_PAYLOAD)),
                        receivedAt);
                acks.add(producer.send(Topics.DEAD_LETTER.record(source, letter)));
            }
            long deadline = System.nanoTime() + kafkaTimeout.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw kafkaUnavailable(feed, "interrupted");
        } catch (TimeoutException e) {
            throw kafkaUnavailable(feed, "Kafka did not confirm within " + kafkaTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw kafkaUnavailable(feed, String.valueOf(e.getCause()));
        } catch (RuntimeException e) {
            throw kafkaUnavailable(feed, e.toString());
        }
    }

    private FeedException kafkaUnavailable(FeedDefinition feed, String why) {
        LOG.warn("feed {}: push not confirmed by Kafka: {}", feed.id(), why);
        return new FeedException(
                FeedErrorCode.KAFKA_UNAVAILABLE,
                "the records could not be stored in Kafka (" + why
                        + "); nothing was recorded as received: push the same data again shortly");
    }

    private static <T> T database(String what, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreException e) {
            LOG.warn("feed push: database failed while {}: {}", what, e.getMessage());
            throw new FeedException(
                    FeedErrorCode.DATABASE_UNAVAILABLE,
                    "the database is unavailable (" + what + "); push the same data again shortly");
        }
    }

    private static FeedRecord record(FeedDefinition feed, ValidRow row, String source, Instant receivedAt) {
        Map<String, String> conversions = new LinkedHashMap<>();
        row.conversions().forEach(c -> conversions.put(c.field(), c.from()));
        return new FeedRecord(
                FeedRecord.SCHEMA_VERSION,
                feed.id(),
                feed.department(),
                feed.domain(),
                row.recordKey(),
                row.ts(),
                row.period(),
                row.areaCode(),
                row.fields(),
                row.metrics(),
                receivedAt,
                source,
                conversions);
    }

    private static String detail(FeedDefinition feed, RowOutcome.Rejected row) {
        StringBuilder detail = new StringBuilder("feed " + feed.id() + ", row " + row.row() + ":");
        for (RowError error : row.errors()) {
            detail.append(' ')
                    .append(error.code())
                    .append(error.field() == null ? "" : " " + error.field())
                    .append(": ")
                    .append(error.message())
                    .append(';');
        }
        return detail.length() <= MAX_DEAD_LETTER_DETAIL
                ? detail.toString()
                : detail.substring(0, MAX_DEAD_LETTER_DETAIL) + "…";
    }

    private static PushResponse response(
            FeedDefinition feed,
            List<ValidRow> valid,
            int accepted,
            int corrections,
            List<RowOutcome.Rejected> rejected) {
        List<RowError> errors = new ArrayList<>();
        rejected.forEach(r -> errors.addAll(r.errors()));
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        List<FieldConversion> conversions = new ArrayList<>();
        valid.forEach(r -> conversions.addAll(r.conversions()));
        int listedErrors = Math.min(errors.size(), PushResponse.MAX_LISTED);
        int listedConversions = Math.min(conversions.size(), PushResponse.MAX_LISTED);
        return new PushResponse(
                feed.id(),
                accepted,
                rejected.size(),
                valid.size() - accepted,
                corrections,
                List.copyOf(errors.subList(0, listedErrors)),
                List.copyOf(conversions.subList(0, listedConversions)),
                errors.size() - listedErrors,
                conversions.size() - listedConversions);
    }

    /** SHA-256 of the typed fields as canonical JSON (names sorted): equal for equal content, whatever the encoding it came in. */
    static byte[] contentHash(Map<String, Object> fields) {
        try {
            byte[] canonical = Json.mapper().writeValueAsBytes(new TreeMap<>(fields));
            return SHA256.get().digest(canonical);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a record", e);
        }
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
}
