package vn.cantho.ioc.api.auth;

import vn.cantho.ioc.store.token.TokenRole;

/**
 * Who sent a request: a hub token, or a user of the city's identity provider (OIDC JWT).
 *
 * @param subject    unique and stable for whoever sent it: the hub token's id ({@code ./ioc token list}) as
 *                   text, or {@code oidc:<issuer host>/<sub claim>} for a JWT
 * @param role       what it may do
 * @param department the department of a department token or JWT, else null
 * @param label      whom it stands for in words, e.g. "Ca trực 1 - Nguyễn Văn A" or a JWT's username
 */
public record Principal(String subject, TokenRole role, String department, String label) {

    /** A hub token's principal. */
    public Principal(long tokenId, TokenRole role, String department, String label) {
        this(Long.toString(tokenId), role, department, label);
    }

    /**
     * The actor recorded in the audit trail: the label people recognise plus the subject, which is
     * unique (two tokens may share a label, two IdP users a display name).
     */
    public String actor() {
        return label + " #" + subject;
    }
}
