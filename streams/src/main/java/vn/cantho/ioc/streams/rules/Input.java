package vn.cantho.ioc.streams.rules;

import java.time.Instant;
import java.util.Objects;

/** What one evaluation step is given: a new observation, or only the passing of time. */
public sealed interface Input {

    static Input value(Instant ts, double value) {
        return new Value(ts, value);
    }

    static Input clock() {
        return new Clock();
    }

    /**
     * An observation of the rule's metric for the alert's entity at event time {@code ts}. Ingest
     * rejects non-finite numbers, so one reaching a rule is a bug upstream and fails loudly here.
     */
    record Value(Instant ts, double value) implements Input {
        public Value {
            Objects.requireNonNull(ts, "ts");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite, was " + value);
            }
        }
    }

    /**
     * No observation: a periodic check (punctuation) so that time-driven moves happen without new
     * data — a pending period completing, a keep-firing period running out, silence becoming NO_DATA.
     */
    record Clock() implements Input {}
}
