package vn.cantho.ioc.store.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import vn.cantho.ioc.store.StoreException;

/**
 * Issues, checks, lists and revokes the bearer tokens of the hub's HTTP APIs (table {@code api_token}).
 *
 * <p>A token is {@code ioc_} followed by 32 random bytes from {@link SecureRandom} in base64url (43
 * characters). Only its SHA-256 is stored: with 256 bits of randomness the hash cannot be reversed or
 * guessed, so a fast hash suffices (slow password hashes protect low-entropy human passwords) and a
 * check is one indexed lookup. The secret is returned once by {@link #issue} and never again.
 * Thread-safe.
 */
public final class TokenService {

    /** Every token starts with this, so a leaked one is easy to recognise (and to scan for). */
    public static final String PREFIX = "ioc_";

    private static final int RANDOM_BYTES = 32;
    private static final int HINT_LENGTH = PREFIX.length() + 8;
    private static final int MAX_LABEL = 200;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("ioc_[A-Za-z0-9_-]{43}");
    private static final Pattern DEPARTMENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String COLUMNS = "id, token_hint, role, department, label, created_at, revoked_at";

    private final DataSource dataSource;
    private final SecureRandom random;

    public TokenService(DataSource dataSource) {
        this(dataSource, new SecureRandom());
    }

    TokenService(DataSource dataSource, SecureRandom random) {
        this.dataSource = dataSource;
        this.random = random;
    }

    /**
     * Creates a token and stores its hash.
     *
     * @param department required for (and only for) {@link TokenRole#DEPARTMENT}; the caller checks it
     *                   against the feed registry
     * @throws IllegalArgumentException for a missing/extra department or an empty or overlong label
     */
    public IssuedToken issue(TokenRole role, String department, String label) {
        if (role == null) {
            throw new IllegalArgumentException("a role is required");
        }
        if (role == TokenRole.DEPARTMENT) {
            if (department == null || !DEPARTMENT_ID.matcher(department).matches()) {
                throw new IllegalArgumentException("a department token needs a department id such as cong-an");
            }
        } else if (department != null) {
            throw new IllegalArgumentException("only department tokens have a department");
        }
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("a label of 1-" + MAX_LABEL + " characters is required");
        }
        String secret = generate(random);
        String sql = "INSERT INTO api_token (token_hash, token_hint, role, department, label) VALUES (?, ?, ?, ?, ?)"
                + " RETURNING " + COLUMNS;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, hash(secret));
            statement.setString(2, secret.substring(0, HINT_LENGTH));
            statement.setString(3, role.id());
            if (department == null) {
                statement.setNull(4, Types.VARCHAR);
            } else {
                statement.setString(4, department);
            }
            statement.setString(5, label.strip());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new IssuedToken(secret, read(rows));
            }
        } catch (SQLException e) {
            throw StoreException.wrap("issuing a token", e);
        }
    }

    /**
     * The valid (not revoked) token with this secret, if any. Malformed input is answered without a
     * database query.
     *
     * @throws StoreException when the database cannot answer
     */
    public Optional<ApiToken> authenticate(String presented) {
        if (presented == null || !TOKEN_SHAPE.matcher(presented).matches()) {
            return Optional.empty();
        }
        String sql = "SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ? AND revoked_at IS NULL";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, hash(presented));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.wrap("checking a token", e);
        }
    }

    /** Revokes the token; returns false when there is no such token or it was revoked already. */
    public boolean revoke(long id) {
        String sql = "UPDATE api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw StoreException.wrap("revoking token " + id, e);
        }
    }

    /** Every token ever issued, revoked ones included, oldest first. */
    public List<ApiToken> list() {
        String sql = "SELECT " + COLUMNS + " FROM api_token ORDER BY id";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<ApiToken> tokens = new ArrayList<>();
            while (rows.next()) {
                tokens.add(read(rows));
            }
            return tokens;
        } catch (SQLException e) {
            throw StoreException.wrap("listing tokens", e);
        }
    }

    /** SHA-256 of the token's UTF-8 bytes: what {@code api_token.token_hash} holds. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ApiToken read(ResultSet rows) throws SQLException {
        Timestamp revoked = rows.getTimestamp("revoked_at");
        return new ApiToken(
                rows.getLong("id"),
                rows.getString("token_hint"),
                TokenRole.of(rows.getString("role")),
                rows.getString("department"),
                rows.getString("label"),
                rows.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
