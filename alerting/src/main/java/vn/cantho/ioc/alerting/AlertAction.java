package vn.cantho.ioc.alerting;

import java.time.Instant;

/** What an operator does to an alert. Every action is idempotent: repeating it changes nothing. */
public sealed interface AlertAction {

    /** Acknowledge the current episode. */
    record Ack() implements AlertAction {
        @Override
        public String name() {
            return "ack";
        }
    }

    /** Take an acknowledgement back. */
    record Unack() implements AlertAction {
        @Override
        public String name() {
            return "unack";
        }
    }

    /** Assign to a person; null or blank = unassign. */
    record Assign(String assignee) implements AlertAction {
        @Override
        public String name() {
            return "assign";
        }
    }

    /** Add the command's comment to the audit trail (the comment is required). */
    record Comment() implements AlertAction {
        @Override
        public String name() {
            return "comment";
        }
    }

    /** Close the current episode by hand; the rule's next raise opens a new one. */
    record Resolve() implements AlertAction {
        @Override
        public String name() {
            return "resolve";
        }
    }

    /** Keep it from notifying until {@code until}, at most {@link AlertService#MAX_SNOOZE} ahead. */
    record Snooze(Instant until) implements AlertAction {
        @Override
        public String name() {
            return "snooze";
        }
    }

    /** End a snooze now. */
    record Unsnooze() implements AlertAction {
        @Override
        public String name() {
            return "unsnooze";
        }
    }

    /** The action's name as the API and the audit use it: ack, unack, assign, comment, resolve, snooze, unsnooze. */
    String name();
}
