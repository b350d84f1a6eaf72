package vn.cantho.ioc.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Silence;
import vn.cantho.ioc.store.alert.Suppression;

/** Suppression computed from snooze, silences and inhibition rules. */
class SuppressionsTest {

    private static final Instant NOW = Alerts.T0.plusSeconds(600);
    private static final InhibitionRule STALE = new InhibitionRule(
            "stale device",
            List.of(LabelMatcher.parse("kind=STALE"), LabelMatcher.parse("device=~.+")),
            List.of(LabelMatcher.parse("kind!=STALE")),
            List.of("device"));

    private static Alert open(Alert a) {
        AlertDraft d = new AlertDraft(a);
        d.condition = ConditionStatus.FIRING;
        d.episodeOpen = true;
        d.episode = 1;
        return d.toAlert();
    }

    @Test
    void a_stale_source_inhibits_the_rule_alerts_of_the_same_entity_only() {
        // Given
        Alert stale =
                open(Alerts.fresh(1, "device-stale", "air-nk-01", Map.of("kind", "STALE", "device", "air-nk-01")));
        Alert sameDevice = Alerts.fresh(
                2, "pm25-high", "air-nk-01", Map.of("kind", "THRESHOLD", "device", "air-nk-01", "metric", "pm25"));
        Alert otherDevice = Alerts.fresh(
                3, "pm25-high", "air-cr-02", Map.of("kind", "THRESHOLD", "device", "air-cr-02", "metric", "pm25"));
        Alert areaMean = Alerts.fresh(4, "pm25-area-high", "ninh-kieu", Map.of("kind", "THRESHOLD", "metric", "pm25"));
        Suppressions suppressions = new Suppressions(List.of(), List.of(stale), List.of(STALE));

        // When / Then
        assertThat(suppressions.of(sameDevice, NOW)).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Suppression.Kind.INHIBITED);
            assertThat(s.ref()).isEqualTo("1");
        });
        assertThat(suppressions.of(otherDevice, NOW)).isEmpty();
        assertThat(suppressions.of(areaMean, NOW))
                .as("no device label, nothing to be equal to")
                .isEmpty();
        assertThat(suppressions.of(stale, NOW))
                .as("a source never inhibits itself")
                .isEmpty();
    }

    @Test
    void active_matching_silences_and_running_snoozes_suppress() {
        // Given
        Alert alert = Alerts.fresh(2, "pm25-high", "air-nk-01", Map.of("metric", "pm25"));
        AlertDraft snoozed = new AlertDraft(alert);
        snoozed.snoozedUntil = NOW.plusSeconds(60);
        Silence matching = new Silence(
                7,
                List.of(LabelMatcher.parse("metric=~pm.*"), LabelMatcher.parse("area=ninh-kieu")),
                "minh.tran",
                "maintenance",
                NOW.minusSeconds(60),
                NOW.plusSeconds(3600),
                NOW,
                null,
                null);
        Silence expired = new Silence(
                8,
                List.of(LabelMatcher.parse("metric=pm25")),
                "minh.tran",
                "old",
                NOW.minusSeconds(60),
                NOW.plusSeconds(3600),
                NOW,
                NOW.minusSeconds(1),
                "minh.tran");
        Silence future = new Silence(
                9,
                List.of(LabelMatcher.parse("metric=pm25")),
                "minh.tran",
                "tonight",
                NOW.plusSeconds(60),
                NOW.plusSeconds(3600),
                NOW,
                null,
                null);
        Silence other = new Silence(
                10,
                List.of(LabelMatcher.parse("domain=tourism")),
                "minh.tran",
                "other",
                NOW.minusSeconds(60),
                NOW.plusSeconds(3600),
                NOW,
                null,
                null);
        Suppressions suppressions = new Suppressions(List.of(matching, expired, future, other), List.of(), List.of());

        // When / Then
        assertThat(suppressions.of(alert, NOW)).extracting(Suppression::ref).containsExactly("7");
        assertThat(suppressions.of(snoozed.toAlert(), NOW))
                .extracting(Suppression::kind)
                .containsExactly(Suppression.Kind.SNOOZED, Suppression.Kind.SILENCED);
        assertThat(suppressions.of(snoozed.toAlert(), NOW.plusSeconds(60)))
                .extracting(Suppression::ref)
                .as("the snooze has ended and the future silence has started")
                .containsExactly("7", "9");
    }
}
