package vn.cantho.ioc.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.api.auth.AdminTokenRequirement;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/** Outside the embedded default the hub refuses to start until an active admin token exists (real PostgreSQL). */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AdminTokenRequirementIT {

    private static Database database;

    @BeforeAll
    static void open() throws SQLException {
        database = TestDatabase.openFreshSchema("admin_token_it");
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void only_an_active_admin_token_lets_the_hub_start() {
        TokenService tokens = new TokenService(database.dataSource());

        // Given no token at all, then only non-admin tokens: refused, naming the command to run
        assertThatThrownBy(() -> AdminTokenRequirement.check(tokens, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./ioc token issue --role admin");
        tokens.issue(TokenRole.OPERATOR, null, "ca trực");
        tokens.issue(TokenRole.DEPARTMENT, "cong-an", "công an");
        assertThatThrownBy(() -> AdminTokenRequirement.check(tokens, false)).isInstanceOf(IllegalStateException.class);

        // When an administrator issues one: accepted
        long admin = tokens.issue(TokenRole.ADMIN, null, "Tổ CNTT").token().id();
        assertThatCode(() -> AdminTokenRequirement.check(tokens, false)).doesNotThrowAnyException();

        // And once it is revoked: refused again
        tokens.revoke(admin);
        assertThatThrownBy(() -> AdminTokenRequirement.check(tokens, false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void with_oidc_configured_the_identity_providers_admins_let_the_hub_start_without_an_admin_token() {
        // Given a database without any admin token
        TokenService tokens = new TokenService(database.dataSource());
        tokens.list().stream().filter(token -> token.active()).forEach(token -> tokens.revoke(token.id()));

        // Then the hub starts when OIDC is configured, and not otherwise
        assertThatCode(() -> AdminTokenRequirement.check(tokens, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AdminTokenRequirement.check(tokens, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OIDC_ISSUER");
    }
}
