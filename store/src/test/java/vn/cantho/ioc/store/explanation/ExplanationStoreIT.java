package vn.cantho.ioc.store.explanation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.TestSchemas;
import vn.cantho.ioc.store.explanation.ExplanationRequest.Status;
import vn.cantho.ioc.testkit.SharedServers;

/** Requests for explanation against the real PostgreSQL: status, one overdue claim per request, a record kept whole. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ExplanationStoreIT {

    private static Database database;
    private static ExplanationStore store;

    @BeforeAll
    static void openDatabase() throws Exception {
        SharedServers servers = SharedServers.get();
        database = Database.open(
                TestSchemas.freshSchemaUrl(servers, "explanations_it"), servers.dbUser(), servers.dbPassword(), 2);
        store = new ExplanationStore(database.dataSource());
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_request_past_due_is_overdue_claimed_for_its_alert_once_and_answered_once() {
        // Given
        ExplanationRequest late = store.create(request(Instant.now().minusSeconds(5)), "Lãnh đạo #1");
        ExplanationRequest onTime = store.create(request(Instant.now().plus(Duration.ofDays(1))), "Lãnh đạo #1");

        // When
        var firstClaim = store.claimOverdue("system:test", 100);
        var secondClaim = store.claimOverdue("system:test", 100);
        var answered = store.answer(late.id(), "Đã khắc phục", "Sở #2").orElseThrow();
        var again = store.answer(late.id(), "Lần hai", "Sở #2").orElseThrow();

        // Then
        assertThat(late.status()).isEqualTo(Status.OVERDUE);
        assertThat(onTime.status()).isEqualTo(Status.OPEN);
        assertThat(firstClaim)
                .extracting(ExplanationRequest::id)
                .contains(late.id())
                .doesNotContain(onTime.id());
        assertThat(secondClaim).extracting(ExplanationRequest::id).doesNotContain(late.id());
        assertThat(answered.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(again.request().answer()).isEqualTo("Đã khắc phục");
        assertThat(again.request().status()).isEqualTo(Status.ANSWERED);
        assertThat(store.events(late.id()))
                .extracting(ExplanationEvent::type)
                .containsExactly("REQUESTED", "OVERDUE_ALERTED", "ANSWERED");
    }

    @Test
    void the_audit_trail_cannot_be_rewritten_and_requests_cannot_be_deleted() throws SQLException {
        ExplanationRequest r = store.create(request(Instant.now().plus(Duration.ofDays(2))), "Lãnh đạo #1");
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE explanation_request_events SET actor = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM explanation_requests WHERE id = " + r.id()))
                    .hasMessageContaining("append-only");
        }
        assertThat(store.get(r.id())).isPresent();
    }

    private static NewExplanationRequest request(Instant dueAt) {
        return new NewExplanationRequest(
                "dossiers_on_time_rate",
                "agency",
                "so-tnmt",
                null,
                "government",
                new TreeMap<>(),
                "so-tnmt",
                Instant.now(),
                70.0,
                95.0,
                "RED",
                "Giải trình",
                dueAt);
    }
}
