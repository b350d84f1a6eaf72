package vn.cantho.ioc.ingest.feed;

/**
 * A department (sở, ban, ngành) that pushes feeds; tokens of role {@code department} are scoped to one.
 *
 * @param id   stable id, e.g. {@code cong-an}
 * @param name official Vietnamese name, e.g. {@code Công an thành phố Cần Thơ}
 */
public record Department(String id, String name) {}
