package vn.cantho.ioc.api.auth.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * Signing keys from a JWKS file, for sites whose hub cannot reach the identity provider: an operator
 * exports the IdP's JWKS into the file and replaces it when the IdP rotates its keys (the file is read
 * again whenever the keys are refreshed, so no restart is needed).
 */
public final class FileJwksSource implements JwksSource {

    private final Path file;

    public FileJwksSource(Path file) {
        this.file = file;
    }

    @Override
    public JWKSet fetch() throws IOException {
        try {
            return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).toPublicJWKSet();
        } catch (ParseException e) {
            throw new IOException(file + " is not a JWKS: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "JWKS file " + file;
    }
}
