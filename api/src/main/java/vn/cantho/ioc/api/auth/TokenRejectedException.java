package vn.cantho.ioc.api.auth;

/**
 * A bearer token that was recognised for what it is (a JWT) but is not valid: expired, wrong issuer
 * or audience, bad signature, refused algorithm, ... The message says which, for the 401's body (as
 * RFC 6750's {@code error_description}); it never contains key material or the token.
 */
public final class TokenRejectedException extends RuntimeException {

    public TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
