package vn.cantho.ioc.api.auth;

import java.util.Optional;
import vn.cantho.ioc.store.token.TokenService;

/** Authenticates against the hub's own tokens ({@code api_token}, hashed). */
public final class TokenAuthenticator implements Authenticator {

    private final TokenService tokens;

    public TokenAuthenticator(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<Principal> authenticate(String bearerToken) {
        return tokens.authenticate(bearerToken)
                .map(token -> new Principal(token.id(), token.role(), token.department(), token.label()));
    }
}
