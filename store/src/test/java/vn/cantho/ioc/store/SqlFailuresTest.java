package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which SQL failures count as "database unavailable". */
class SqlFailuresTest {

    @Test
    void the_drivers_assertion_error_for_a_connection_lost_mid_batch_becomes_a_connection_failure() {
        java.sql.PreparedStatement statement = (java.sql.PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {java.sql.PreparedStatement.class},
                (proxy, method, args) -> {
                    throw new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
                });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqlFailures.executeBatch(statement))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08006"))
                .satisfies(e -> assertThat(SqlFailures.isUnavailable(e)).isTrue());
    }

    @Test
    void connection_failures_count_as_unavailable() {
        assertThat(SqlFailures.isUnavailable(new SQLException("refused", "08001")))
                .isTrue();
        assertThat(SqlFailures.isUnavailable(new SQLException("too many clients", "53300")))
                .isTrue();
        assertThat(SqlFailures.isUnavailable(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(SqlFailures.isUnavailable(new SQLException("starting up", "57P03")))
                .isTrue();
        assertThat(SqlFailures.isUnavailable(new SQLException("canceling statement due to timeout", "57014")))
                .isTrue();
        assertThat(SqlFailures.isUnavailable(new SQLTransientConnectionException("pool timeout")))
                .isTrue();
    }

    @Test
    void a_connection_failure_nested_in_a_wrapper_counts_as_unavailable() {
        // Given
        SQLException wrapper = new SQLException("batch failed", null, new SQLException("reset", "08006"));

        // Then
        assertThat(SqlFailures.isUnavailable(new RuntimeException(wrapper))).isTrue();
    }

    @Test
    void errors_in_the_statement_or_data_are_not_unavailability() {
        assertThat(SqlFailures.isUnavailable(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(SqlFailures.isUnavailable(new SQLException("null value in column", "23502")))
                .isFalse();
        assertThat(SqlFailures.isUnavailable(new SQLException("no state"))).isFalse();
    }

    @Test
    void wrapping_picks_the_exception_type_the_callers_react_to() {
        assertThat(StoreException.wrap("reading", new SQLException("refused", "08001")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("reading: refused");
        assertThat(StoreException.wrap("reading", new SQLException("syntax error", "42601")))
                .isExactlyInstanceOf(StoreException.class);
    }
}
