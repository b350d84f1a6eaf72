package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.store.feed.FeedLedger;
import vn.cantho.ioc.store.feed.IdempotencyClaim;
import vn.cantho.ioc.testkit.SharedServers;

/** The feed ledger against the real PostgreSQL: seen records and idempotency keys. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FeedLedgerIT {

    private static Database database;
    private static FeedLedger ledger;

    @BeforeAll
    static void openDatabase() throws Exception {
        SharedServers servers = SharedServers.get();
        database = Database.open(
                TestSchemas.freshSchemaUrl(servers, "ledger_it"), servers.dbUser(), servers.dbPassword(), 2);
        ledger = new FeedLedger(database.dataSource());
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void marked_records_are_found_with_their_hash_and_a_correction_replaces_the_hash() {
        // Given
        String feed = SharedServers.uniqueName("feed");
        ledger.markSeen(
                feed,
                Map.of("2026-10-31|ninh-kieu", new byte[] {1, 2}, "x'); DROP TABLE feed_record_seen; --", new byte[] {3
                }));

        // When
        ledger.markSeen(feed, Map.of("2026-10-31|ninh-kieu", new byte[] {9}));
        Map<String, byte[]> seen = ledger.seenHashes(
                feed, List.of("2026-10-31|ninh-kieu", "x'); DROP TABLE feed_record_seen; --", "never"));

        // Then
        assertThat(seen).containsOnlyKeys("2026-10-31|ninh-kieu", "x'); DROP TABLE feed_record_seen; --");
        assertThat(seen.get("2026-10-31|ninh-kieu")).containsExactly(9);
        assertThat(ledger.seenHashes("other-" + feed, List.of("2026-10-31|ninh-kieu")))
                .isEmpty();
    }

    @Test
    void ten_thousand_keys_are_marked_and_looked_up_in_one_statement_each() {
        // Given
        String feed = SharedServers.uniqueName("feed");
        Map<String, byte[]> many = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            many.put("key-" + i, new byte[] {(byte) i, (byte) (i >> 8)});
        }

        // When
        ledger.markSeen(feed, many);

        // Then
        assertThat(ledger.seenHashes(feed, many.keySet())).hasSize(10_000);
    }

    @Test
    void an_idempotency_key_is_claimed_once_then_replayed_or_refused() {
        // Given
        String key = SharedServers.uniqueName("key");
        byte[] request = {1};

        // When / Then
        assertThat(ledger.claim("cong-an", key, "f", request, Duration.ofMinutes(5)))
                .isInstanceOf(IdempotencyClaim.Claimed.class);
        assertThat(ledger.claim("cong-an", key, "f", request, Duration.ofMinutes(5)))
                .isInstanceOf(IdempotencyClaim.InProgress.class);
        assertThat(ledger.claim("so-vhttdl", key, "f", request, Duration.ofMinutes(5)))
                .as("keys are per department")
                .isInstanceOf(IdempotencyClaim.Claimed.class);
        ledger.complete("cong-an", key, 202, "{\"accepted\":1}");
        assertThat(ledger.claim("cong-an", key, "f", request, Duration.ofMinutes(5)))
                .isEqualTo(new IdempotencyClaim.Replay(202, "{\"accepted\":1}"));
        assertThat(ledger.claim("cong-an", key, "f", new byte[] {2}, Duration.ofMinutes(5)))
                .isEqualTo(new IdempotencyClaim.Conflict("f"));
    }

    @Test
    void a_released_or_abandoned_claim_can_be_claimed_again() throws Exception {
        // Given
        String released = SharedServers.uniqueName("key");
        String abandoned = SharedServers.uniqueName("key");
        ledger.claim("cong-an", released, "f", new byte[] {1}, Duration.ofMinutes(5));
        ledger.claim("cong-an", abandoned, "f", new byte[] {1}, Duration.ofMinutes(5));

        // When
        ledger.release("cong-an", released);
        Thread.sleep(50);

        // Then
        assertThat(ledger.claim("cong-an", released, "f", new byte[] {2}, Duration.ofMinutes(5)))
                .isInstanceOf(IdempotencyClaim.Claimed.class);
        assertThat(ledger.claim("cong-an", abandoned, "f", new byte[] {1}, Duration.ofMillis(10)))
                .isInstanceOf(IdempotencyClaim.Claimed.class);
    }
}
