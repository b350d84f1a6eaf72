package vn.cantho.ioc.api.auth.jwt;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a configured claim out of a JWT's claims: first as one claim name (so a namespaced claim such
 * as {@code https://cantho.gov.vn/roles} works), else as a dotted path into nested objects
 * ({@code realm_access.roles} in Keycloak, {@code resource_access.<client>.roles} for client roles).
 */
final class Claims {

    private Claims() {}

    static Optional<Object> at(Map<String, Object> claims, String nameOrPath) {
        if (claims.containsKey(nameOrPath)) {
            return Optional.ofNullable(claims.get(nameOrPath));
        }
        Object current = claims;
        for (String part : nameOrPath.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> object) || !object.containsKey(part)) {
                return Optional.empty();
            }
            current = object.get(part);
        }
        return Optional.ofNullable(current);
    }

    /**
     * The strings of a claim: the elements of a JSON array (non-strings ignored), or the words of a
     * string (space-separated, like {@code scope}); nothing for anything else.
     */
    static List<String> strings(Map<String, Object> claims, String nameOrPath) {
        Object value = at(claims, nameOrPath).orElse(null);
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }

    /** A non-blank string claim, trimmed. */
    static Optional<String> text(Map<String, Object> claims, String nameOrPath) {
        return at(claims, nameOrPath)
                .filter(String.class::isInstance)
                .map(value -> ((String) value).trim())
                .filter(value -> !value.isEmpty());
    }
}
