package vn.cantho.ioc.api.auth.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;

/** Where the identity provider's public signing keys come from. */
public interface JwksSource {

    /**
     * The current key set.
     *
     * @throws IOException when the keys cannot be fetched or are not a JWKS (the message says why)
     */
    JWKSet fetch() throws IOException;

    /** Where the keys come from, for logs and error messages (no secrets). */
    String describe();
}
