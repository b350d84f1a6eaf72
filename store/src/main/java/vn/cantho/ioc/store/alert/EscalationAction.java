package vn.cantho.ioc.store.alert;

import java.time.Instant;
import java.util.List;

/**
 * One step of an escalation policy scheduled for one episode of one alert: unless the alert is
 * acknowledged ({@link Until#ACK}) or resolved ({@link Until#RESOLVE}) by {@link #dueAt()}, the step's
 * receivers are notified at level {@link #level()}.
 */
public record EscalationAction(
        long id,
        long alertId,
        int episode,
        String policyId,
        int step,
        int level,
        Until until,
        List<String> receivers,
        Instant dueAt,
        State state,
        Instant settledAt,
        String reason) {

    public enum Until {
        ACK,
        RESOLVE
    }

    public enum State {
        PENDING,
        FIRED,
        CANCELLED
    }

    public EscalationAction {
        receivers = List.copyOf(receivers);
    }
}
