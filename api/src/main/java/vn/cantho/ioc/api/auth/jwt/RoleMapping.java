package vn.cantho.ioc.api.auth.jwt;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.cantho.ioc.store.token.TokenRole;

/**
 * Which identity-provider roles are which hub roles. Without a configured map the IdP roles named
 * like the hub roles ({@code leader}, {@code operator}, {@code admin}, {@code department}) are them;
 * a configured map replaces that, so only the roles it names count (an unrelated realm role that
 * happens to be called {@code admin} then grants nothing). A user with several hub roles gets the
 * highest: admin, operator, leader, department.
 */
public record RoleMapping(Map<String, TokenRole> idpToHub) {

    public RoleMapping {
        idpToHub = Map.copyOf(idpToHub);
    }

    /** The identity mapping of the hub role ids. */
    public static RoleMapping byHubRoleName() {
        Map<String, TokenRole> identity = new LinkedHashMap<>();
        for (TokenRole role : TokenRole.values()) {
            identity.put(role.id(), role);
        }
        return new RoleMapping(identity);
    }

    /**
     * Parses {@code idp-role=hub-role,...}; an empty text is {@link #byHubRoleName()}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static RoleMapping parse(String text) {
        if (text.isBlank()) {
            return byHubRoleName();
        }
        Map<String, TokenRole> map = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String[] parts = entry.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("expected idp-role=hub-role pairs separated by commas, e.g. "
                        + "ioc-operator=operator,ioc-leader=leader; got '" + entry.trim() + "'");
            }
            String idpRole = parts[0].trim();
            TokenRole hubRole = TokenRole.of(parts[1].trim());
            if (map.put(idpRole, hubRole) != null) {
                throw new IllegalArgumentException("role '" + idpRole + "' is mapped twice");
            }
        }
        return new RoleMapping(map);
    }

    /** The highest hub role among these identity-provider roles. */
    public Optional<TokenRole> highest(Collection<String> idpRoles) {
        return idpRoles.stream()
                .map(idpToHub::get)
                .filter(role -> role != null)
                .max(Comparator.comparingInt(RoleMapping::rank));
    }

    private static int rank(TokenRole role) {
        return switch (role) {
            case DEPARTMENT -> 0;
            case LEADER -> 1;
            case OPERATOR -> 2;
            case ADMIN -> 3;
        };
    }
}
