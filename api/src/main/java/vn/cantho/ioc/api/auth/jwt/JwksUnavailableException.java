package vn.cantho.ioc.api.auth.jwt;

/** No signing keys are cached and the identity provider cannot be asked for them now. */
final class JwksUnavailableException extends RuntimeException {

    JwksUnavailableException(String message) {
        super(message);
    }
}
