package vn.cantho.ioc.ingest.feed;

import java.util.List;

/** What checking one row gave: a {@link ValidRow} or a {@link Rejected} one. */
sealed interface RowOutcome permits ValidRow, RowOutcome.Rejected {

    int row();

    /**
     * A row with at least one error; rejected as a whole.
     *
     * @param original the row's bytes as sent, for its dead letter
     */
    record Rejected(int row, List<RowError> errors, byte[] original) implements RowOutcome {}
}
