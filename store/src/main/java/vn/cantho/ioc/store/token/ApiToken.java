package vn.cantho.ioc.store.token;

import java.time.Instant;

/**
 * A bearer token as stored: everything but the secret, which is kept only as a hash.
 *
 * @param id         stable number, used to revoke it
 * @param hint       the token's first characters, to tell tokens apart (not enough to use it)
 * @param role       what it may do
 * @param department department id for {@link TokenRole#DEPARTMENT} tokens, else null
 * @param label      who or what it was issued to
 * @param createdAt  when it was issued
 * @param revokedAt  when it was revoked, or null while it is valid
 */
public record ApiToken(
        long id, String hint, TokenRole role, String department, String label, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
