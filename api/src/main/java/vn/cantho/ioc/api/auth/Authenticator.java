package vn.cantho.ioc.api.auth;

import java.util.Optional;

/** Turns the secret of an {@code Authorization: Bearer} header into the principal it stands for. */
@FunctionalInterface
public interface Authenticator {

    /**
     * @return the principal, or empty when the token is unknown, revoked or malformed
     * @throws vn.cantho.ioc.store.StoreException when the token store cannot answer (a 503, not a 401)
     */
    Optional<Principal> authenticate(String bearerToken);
}
