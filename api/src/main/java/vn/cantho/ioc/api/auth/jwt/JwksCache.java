package vn.cantho.ioc.api.auth.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity provider's signing keys, cached. They are fetched at the first JWT, again when they are
 * older than the refresh interval, and at once when a JWT names a key id the cache does not know (the
 * IdP has rotated its keys) — but never more often than {@link #MIN_FETCH_INTERVAL}, so a stream of
 * tokens with made-up key ids cannot turn the hub into a load generator against the IdP. When a fetch
 * fails, the keys already cached stay in use (tokens signed with them keep working while the IdP is
 * down); only without any cached key does the check fail with {@link JwksUnavailableException}.
 * Fetches run on the request thread that needs them, one at a time.
 */
final class JwksCache {

    static final Duration MIN_FETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final JwksSource source;
    private final Clock clock;
    private final Duration refreshInterval;
    private JWKSet keys;
    private Instant fetchedAt;
    private Instant lastAttempt;
    private String lastFailure;

    JwksCache(JwksSource source, Clock clock, Duration refreshInterval) {
        this.source = source;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /**
     * The cached keys that may have signed a JWS with this header's key id (any key when it names none)
     * and algorithm: matching key type, use {@code sig} or unset, and {@code alg} equal or unset.
     *
     * @throws JwksUnavailableException when no keys could be fetched yet
     */
    synchronized List<JWK> candidates(String keyId, JWSAlgorithm algorithm) {
        Instant now = clock.instant();
        if (keys == null) {
            if (mayFetch(now)) {
                fetch(now);
            }
            if (keys == null) {
                throw new JwksUnavailableException("the identity provider's signing keys (" + source.describe()
                        + ") are unavailable: " + lastFailure);
            }
        } else if (!now.isBefore(fetchedAt.plus(refreshInterval)) && mayFetch(now)) {
            fetch(now);
        }
        List<JWK> matches = select(keyId, algorithm);
        if (matches.isEmpty() && keyId != null && mayFetch(now)) {
            fetch(now);
            matches = select(keyId, algorithm);
        }
        return matches;
    }

    /** Fetches once now, so a wrong URL shows in the log at start rather than at the first JWT. */
    synchronized void prefetch() {
        fetch(clock.instant());
    }

    private boolean mayFetch(Instant now) {
        return lastAttempt == null || !now.isBefore(lastAttempt.plus(MIN_FETCH_INTERVAL));
    }

    private void fetch(Instant now) {
        lastAttempt = now;
        try {
            JWKSet fetched = source.fetch();
            if (keys == null || !fetched.getKeys().equals(keys.getKeys())) {
                LOG.info(
                        "Signing keys from {}: key ids {}",
                        source.describe(),
                        fetched.getKeys().stream().map(JWK::getKeyID).toList());
            }
            keys = fetched;
            fetchedAt = now;
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            lastFailure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            LOG.warn(
                    "Cannot fetch the signing keys from {} ({}); {}",
                    source.describe(),
                    lastFailure,
                    keys == null
                            ? "JWTs are refused with 503 until they can be fetched"
                            : "the cached keys stay in use");
        }
    }

    private List<JWK> select(String keyId, JWSAlgorithm algorithm) {
        KeyType type = KeyType.forAlgorithm(algorithm);
        return keys.getKeys().stream()
                .filter(key -> keyId == null || keyId.equals(key.getKeyID()))
                .filter(key -> key.getKeyType().equals(type))
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> key.getAlgorithm() == null
                        || Objects.equals(key.getAlgorithm().getName(), algorithm.getName()))
                .toList();
    }
}
