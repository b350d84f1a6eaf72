package vn.cantho.ioc.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.store.alert.EscalationAction;

/** The policy and receivers files: the shipped default, overrides, and faults named with their place. */
class AlertingSetupTest {

    @TempDir
    Path dir;

    @Test
    void the_shipped_policies_escalate_critical_alerts_faster_and_inhibit_by_stale_sources() {
        // When
        AlertingSetup setup = AlertingSetup.defaults();

        // Then
        assertThat(setup.escalation().policies()).extracting(p -> p.id()).containsExactly("critical", "default");
        assertThat(setup.escalation().policies().get(1).steps())
                .satisfiesExactly(
                        s -> {
                            assertThat(s.after()).isEqualTo(Duration.ofMinutes(15));
                            assertThat(s.unless()).isEqualTo(EscalationAction.Until.ACK);
                            assertThat(s.level()).isEqualTo(2);
                        },
                        s -> {
                            assertThat(s.after()).isEqualTo(Duration.ofHours(4));
                            assertThat(s.unless()).isEqualTo(EscalationAction.Until.RESOLVE);
                            assertThat(s.level()).isEqualTo(3);
                        });
        assertThat(setup.inhibitions()).extracting(r -> r.name()).containsExactly("stale device", "stale feed");
        assertThat(setup.receivers()).isEmpty();
    }

    @Test
    void receivers_take_their_secret_from_the_environment_and_never_print_it() throws IOException {
        // Given
        Path receivers = write("receivers.json", """
                {"receivers": [
                  {"id": "level-2", "url": "https://ops.cantho.gov.vn/hooks/ioc", "secretEnv": "L2_SECRET", "transitions": false},
                  {"id": "level-3", "url": "http://127.0.0.1:9000/ioc", "secret": "another-secret-of-length"}]}
                """);

        // When
        AlertingSetup setup = AlertingSetup.load(
                Optional.empty(), Optional.of(receivers), Map.of("L2_SECRET", "s3cret-from-the-environment")::get);

        // Then
        assertThat(setup.receivers().get("level-2").secret()).isEqualTo("s3cret-from-the-environment");
        assertThat(setup.receivers().get("level-2").transitions()).isFalse();
        assertThat(setup.receivers().get("level-3").transitions()).isTrue();
        assertThat(setup.receivers().get("level-2").toString()).doesNotContain("s3cret");
    }

    @Test
    void faults_name_the_file_and_the_entry() throws IOException {
        // Given
        Path badStep = write("policies.json", """
                {"escalation": [{"id": "night", "steps": [{"after": "15 minutes", "unless": "ACK", "level": 2}]}]}
                """);
        Path badMatcher = write("inhibit.json", """
                {"inhibitions": [{"name": "broken", "source": ["rule=~("], "target": []}]}
                """);
        Path shortSecret = write("receivers.json", """
                {"receivers": [{"id": "chat", "url": "https://x.example/hook", "secret": "short"}]}
                """);
        Path unknownReceiver = write("receivers2.json", """
                {"receivers": [{"id": "level-2", "url": "https://x.example/hook", "secret": "long-enough-secret-1"}]}
                """);

        // When / Then
        assertThatThrownBy(() -> AlertingSetup.load(Optional.of(badStep), Optional.empty(), k -> null))
                .hasMessageContaining(badStep.toString())
                .hasMessageContaining("'night'")
                .hasMessageContaining("PT15M");
        assertThatThrownBy(() -> AlertingSetup.load(Optional.of(badMatcher), Optional.empty(), k -> null))
                .hasMessageContaining("'broken'")
                .hasMessageContaining("regular expression");
        assertThatThrownBy(() -> AlertingSetup.load(Optional.empty(), Optional.of(shortSecret), k -> null))
                .hasMessageContaining("receiver 'chat'")
                .hasMessageContaining("16 characters");
        assertThatThrownBy(() -> AlertingSetup.load(Optional.empty(), Optional.of(unknownReceiver), k -> null))
                .hasMessageContaining("'level-3'");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
