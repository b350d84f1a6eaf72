package vn.cantho.ioc.alerting.escalation;

import java.time.Duration;
import java.util.List;
import vn.cantho.ioc.store.alert.EscalationAction.Until;

/**
 * One step of an escalation policy: {@code after} the episode opened (or the alert was unacknowledged),
 * unless it was acknowledged ({@code unless = ACK}) or resolved ({@code unless = RESOLVE}), notify
 * {@code receivers} at {@code level}.
 */
public record EscalationStep(Duration after, Until unless, int level, List<String> receivers) {

    public EscalationStep {
        if (after == null || after.isNegative()) {
            throw new IllegalArgumentException("an escalation step needs a non-negative 'after', e.g. PT15M");
        }
        if (unless == null) {
            throw new IllegalArgumentException("an escalation step needs 'unless': ACK or RESOLVE");
        }
        if (level < 2) {
            throw new IllegalArgumentException(
                    "an escalation step's level must be 2 or more (1 is the first " + "notification), got " + level);
        }
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }
}
