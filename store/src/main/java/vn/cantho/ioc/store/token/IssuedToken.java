package vn.cantho.ioc.store.token;

/**
 * A token just issued: the secret, to be shown once and never again, and what was stored about it.
 *
 * @param secret the bearer token, e.g. {@code ioc_k3J…}; not stored anywhere by the hub
 * @param token  the stored description
 */
public record IssuedToken(String secret, ApiToken token) {

    @Override
    public String toString() {
        return "IssuedToken[secret=***, token=" + token + "]";
    }
}
