package vn.cantho.ioc.api.http;

/** Versions (of an alert, of the registry) as HTTP entity tags: {@code "7"} for version 7. */
public final class EntityTags {

    private EntityTags() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header requires; null without one or for {@code *}. Accepts
     * {@code "7"}, {@code W/"7"} and a bare {@code 7}.
     */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String text = header.strip();
        if (text.startsWith("W/")) {
            text = text.substring(2);
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("If-Match", "'" + header + "' is not a version such as \"7\"");
        }
    }
}
