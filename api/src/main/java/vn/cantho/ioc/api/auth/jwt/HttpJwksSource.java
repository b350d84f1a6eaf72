package vn.cantho.ioc.api.auth.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Signing keys fetched over HTTP from the identity provider: from a configured JWKS URL, or from the
 * {@code jwks_uri} of the issuer's OpenID discovery document ({@code <issuer>/.well-known/openid-configuration},
 * whose {@code issuer} must be the configured one, as OpenID Connect Discovery requires). The discovered
 * URL is remembered after the first success. Keys are only ever fetched over https, or plain http to a
 * loopback address (a local test IdP), and redirects are not followed: keys fetched over a network in clear text could be swapped by
 * anyone on the path, who could then sign tokens of any role.
 */
public final class HttpJwksSource implements JwksSource {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    /** Real key sets and discovery documents are a few kB; more is refused rather than buffered. */
    private static final int MAX_BYTES = 512 * 1024;

    private final String issuer;
    private final HttpClient client;
    private final Duration timeout;
    private volatile URI jwksUri;

    private HttpJwksSource(String issuer, URI jwksUri, Duration timeout) {
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Keys from this JWKS URL. */
    public static HttpJwksSource at(URI jwksUri, Duration timeout) {
        requireSafe(jwksUri);
        return new HttpJwksSource(null, jwksUri, timeout);
    }

    /** Keys from the {@code jwks_uri} this issuer's discovery document names. */
    public static HttpJwksSource discovered(String issuer, Duration timeout) {
        requireSafe(discoveryUri(issuer));
        return new HttpJwksSource(issuer, null, timeout);
    }

    /**
     * @throws IllegalArgumentException unless the URI is absolute https, or http to a loopback host
     */
    static void requireSafe(URI uri) {
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException(
                    "expected an https:// URL (plain http only to localhost), got '" + uri + "'");
        }
    }

    @Override
    public JWKSet fetch() throws IOException {
        URI keys = jwksUri != null ? jwksUri : discover();
        try {
            return JWKSet.parse(get(keys)).toPublicJWKSet();
        } catch (ParseException e) {
            throw new IOException(keys + " did not answer with a JWKS: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return jwksUri != null ? "JWKS " + jwksUri : "JWKS discovered at " + discoveryUri(issuer);
    }

    private URI discover() throws IOException {
        URI discovery = discoveryUri(issuer);
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(get(discovery));
        } catch (ParseException e) {
            throw new IOException(discovery + " is not an OpenID discovery document: " + e.getMessage(), e);
        }
        if (!issuer.equals(document.get("issuer"))) {
            throw new IOException(
                    discovery + " names issuer '" + document.get("issuer") + "', not the configured '" + issuer + "'");
        }
        if (!(document.get("jwks_uri") instanceof String uri)) {
            throw new IOException(discovery + " has no jwks_uri");
        }
        URI discovered;
        try {
            discovered = URI.create(uri);
            requireSafe(discovered);
        } catch (IllegalArgumentException e) {
            throw new IOException(discovery + " has an unusable jwks_uri: " + e.getMessage(), e);
        }
        jwksUri = discovered;
        return discovered;
    }

    private String get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered HTTP " + response.statusCode());
            }
            if (bytes.length > MAX_BYTES) {
                throw new IOException(uri + " answered more than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static URI discoveryUri(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        try {
            return URI.create(base + DISCOVERY_PATH);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + issuer + "' is not a URL", e);
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }
}
