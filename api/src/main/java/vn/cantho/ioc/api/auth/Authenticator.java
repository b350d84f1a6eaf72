package vn.cantho.ioc.api.auth;

import java.util.Optional;

/** Turns the secret of an {@code Authorization: Bearer} header into the principal it stands for. */
@FunctionalInterface
public interface Authenticator {

    /**
     * @return the principal, or empty when the token is unknown, revoked or malformed
     * @throws TokenRejectedException when the token is recognised but invalid (a 401 that says why)
     * @throws vn.cantho.ioc.store.StoreException when the token store cannot answer (a 503, not a 401)
     * @throws vn.cantho.ioc.api.http.ApiException when the token cannot be checked now (e.g. the identity
     *         provider's keys are unavailable: 503) or is valid but grants no role of the hub (403)
     */
    Optional<Principal> authenticate(String bearerToken);
}
