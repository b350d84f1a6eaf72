package vn.cantho.ioc.ingest.feed;

import java.util.Locale;
import java.util.Optional;

/** The body formats a push may use, from its Content-Type (parameters such as charset are ignored). */
public enum BodyFormat {
    JSON,
    CSV;

    /** The format of a Content-Type header value; empty for anything else. */
    public static Optional<BodyFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "application/json" -> Optional.of(JSON);
            case "text/csv", "application/csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }
}
