package vn.cantho.ioc.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cantho.ioc.streams.rules.RuleBuilder.rule;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One alert per rule, entity and identity labels, with a canonical text form for Kafka and the database. */
class AlertKeyTest {

    private final RuleDefinition rule =
            rule().id("river-level").identityLabels("gauge").build();

    @Test
    void only_the_rules_identity_labels_are_part_of_the_key() {
        AlertKey a = AlertKey.of(rule, "station-01", Map.of("gauge", "upper", "area", "ninh-kieu"));
        AlertKey b = AlertKey.of(rule, "station-01", Map.of("gauge", "upper", "area", "cai-rang"));

        assertThat(a).isEqualTo(b);
        assertThat(a.labels()).containsExactly(Map.entry("gauge", "upper"));
    }

    @Test
    void different_identity_labels_or_entities_are_different_alerts() {
        AlertKey upper = AlertKey.of(rule, "station-01", Map.of("gauge", "upper"));

        assertThat(upper).isNotEqualTo(AlertKey.of(rule, "station-01", Map.of("gauge", "lower")));
        assertThat(upper).isNotEqualTo(AlertKey.of(rule, "station-02", Map.of("gauge", "upper")));
    }

    @Test
    void the_text_form_is_canonical_and_separators_inside_ids_cannot_collide() {
        AlertKey key = new AlertKey("r|1", "Cần Thơ", new TreeMap<>(Map.of("b", "2", "a", "x=y&z")));

        assertThat(key.asString()).isEqualTo("r%7C1|C%E1%BA%A7n+Th%C6%A1|a=x%3Dy%26z&b=2");
        assertThat(AlertKey.of(rule, "station-01", Map.of()).asString()).isEqualTo("river-level|station-01|");
    }
}
