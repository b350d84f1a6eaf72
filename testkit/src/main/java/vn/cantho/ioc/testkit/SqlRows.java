package vn.cantho.ioc.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Test helper that reads what a query returns, so a test can compare stored rows with what it expects. */
public final class SqlRows {

    private SqlRows() {}

    /** The first column of every row {@code sql} returns, as text, in the query's order. */
    public static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
