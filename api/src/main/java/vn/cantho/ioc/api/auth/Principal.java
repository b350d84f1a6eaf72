package vn.cantho.ioc.api.auth;

import vn.cantho.ioc.store.token.TokenRole;

/**
 * Who sent a request: the token it authenticated with.
 *
 * @param tokenId    the token's stable id ({@code ./ioc token list})
 * @param role       what it may do
 * @param department the department of a department token, else null
 * @param label      whom the token was issued to, e.g. "Ca trực 1 - Nguyễn Văn A"
 */
public record Principal(long tokenId, TokenRole role, String department, String label) {

    /**
     * The actor recorded in the audit trail: the label people recognise plus the token id, which is
     * unique (two tokens may share a label).
     */
    public String actor() {
        return label + " #" + tokenId;
    }
}
