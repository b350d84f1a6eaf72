package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.store.token.ApiToken;
import vn.cantho.ioc.store.token.IssuedToken;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;
import vn.cantho.ioc.testkit.SharedServers;

/** Bearer tokens against the real PostgreSQL: only hashes stored, authentication, revocation. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TokenServiceIT {

    private static Database database;
    private static TokenService tokens;

    @BeforeAll
    static void openDatabase() throws Exception {
        SharedServers servers = SharedServers.get();
        database = Database.open(
                TestSchemas.freshSchemaUrl(servers, "tokens_it"), servers.dbUser(), servers.dbPassword(), 2);
        tokens = new TokenService(database.dataSource());
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void an_issued_token_authenticates_as_its_department_and_only_its_hash_is_stored() throws Exception {
        // Given
        IssuedToken issued = tokens.issue(TokenRole.DEPARTMENT, "cong-an", "Phòng CSGT – báo cáo ngày");

        // When
        ApiToken found = tokens.authenticate(issued.secret()).orElseThrow();

        // Then
        assertThat(issued.secret()).startsWith("ioc_").hasSize(47);
        assertThat(found.department()).isEqualTo("cong-an");
        assertThat(found.role()).isEqualTo(TokenRole.DEPARTMENT);
        assertThat(found.label()).isEqualTo("Phòng CSGT – báo cáo ngày");
        assertThat(found.hint()).isEqualTo(issued.secret().substring(0, 12));
        assertThat(issued.toString()).doesNotContain(issued.secret());
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM api_token")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(rows.getObject(column)))
                            .doesNotContain(issued.secret().substring(12));
                }
            }
        }
    }

    @Test
    void wrong_malformed_and_revoked_tokens_do_not_authenticate() {
        // Given
        IssuedToken issued = tokens.issue(TokenRole.DEPARTMENT, "so-vhttdl", "revocation test");
        String wrong = issued.secret().substring(0, 46) + (issued.secret().endsWith("A") ? "B" : "A");

        // When
        boolean revoked = tokens.revoke(issued.token().id());

        // Then
        assertThat(tokens.authenticate(wrong)).isEmpty();
        assertThat(tokens.authenticate("' OR 1=1 --")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(revoked).isTrue();
        assertThat(tokens.revoke(issued.token().id())).isFalse();
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
        assertThat(tokens.list())
                .filteredOn(t -> t.id() == issued.token().id())
                .singleElement()
                .satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void roles_other_than_department_fit_the_table_and_department_rules_are_enforced() {
        // When
        IssuedToken admin = tokens.issue(TokenRole.ADMIN, null, "city IT team");

        // Then
        assertThat(tokens.authenticate(admin.secret()).orElseThrow().role()).isEqualTo(TokenRole.ADMIN);
        assertThatThrownBy(() -> tokens.issue(TokenRole.DEPARTMENT, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(TokenRole.LEADER, "cong-an", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(TokenRole.DEPARTMENT, "cong-an", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
