package vn.cantho.ioc.api;

import vn.cantho.ioc.api.auth.Authenticator;
import vn.cantho.ioc.api.auth.TokenAuthenticator;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.token.TokenRole;
import vn.cantho.ioc.store.token.TokenService;

/** Real tokens for the integration tests, issued in the test's own schema. */
public final class TestTokens {

    private final TokenService tokens;

    public TestTokens(Database database) {
        this.tokens = new TokenService(database.dataSource());
    }

    /** A new token of this role; department tokens are for department {@code cong-an}. */
    public String issue(TokenRole role, String label) {
        return tokens.issue(role, role == TokenRole.DEPARTMENT ? "cong-an" : null, label)
                .secret();
    }

    /** A new department token for {@code department}. */
    public String issueDepartment(String department, String label) {
        return tokens.issue(TokenRole.DEPARTMENT, department, label).secret();
    }

    public long revoke(String secret) {
        long id = tokens.authenticate(secret).orElseThrow().id();
        tokens.revoke(id);
        return id;
    }

    /** The actor the audit trail records for this token (see {@code Principal#actor}). */
    public String actor(String secret) {
        return authenticator().authenticate(secret).orElseThrow().actor();
    }

    public Authenticator authenticator() {
        return new TokenAuthenticator(tokens);
    }
}
