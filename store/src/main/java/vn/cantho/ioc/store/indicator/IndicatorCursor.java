package vn.cantho.ioc.store.indicator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.CursorParts;

/**
 * Where a page of indicator values ended: the sort key (period start, indicator, scope, entity, labels,
 * granularity) of its last row. The next page starts strictly after it, so paging has no gaps or repeats
 * while rows are written. Travels to clients as an opaque base64url string (of a JSON array, so no value
 * needs escaping).
 */
public record IndicatorCursor(
        Instant periodStart,
        String indicator,
        Scope scope,
        String entityId,
        String labelsKey,
        Granularity granularity) {

    public IndicatorCursor {
        if (periodStart == null
                || indicator == null
                || scope == null
                || entityId == null
                || labelsKey == null
                || granularity == null) {
            throw new IllegalArgumentException("cursor needs every part of the sort key");
        }
    }

    static IndicatorCursor of(Indicator row) {
        return new IndicatorCursor(
                row.periodStart(), row.indicator(), row.scope(), row.entityId(), row.labelsKey(), row.granularity());
    }

    /** The opaque form handed to clients. */
    public String encode() {
        List<String> parts =
                List.of(periodStart.toString(), indicator, scope.id(), entityId, labelsKey, granularity.id());
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Json.mapper().writeValueAsBytes(parts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a list of strings", e);
        }
    }

    /**
     * Reads a string made by {@link #encode()}.
     *
     * @throws IllegalArgumentException when it was not
     */
    public static IndicatorCursor decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new IllegalArgumentException("cursor is empty");
        }
        try {
            JsonNode parts = Json.mapper().readTree(Base64.getUrlDecoder().decode(encoded));
            if (parts == null || !parts.isArray() || parts.size() != 6) {
                throw new IllegalArgumentException("cursor is malformed");
            }
            for (JsonNode part : parts) {
                if (!part.isTextual()) {
                    throw new IllegalArgumentException("cursor is malformed");
                }
            }
            return new IndicatorCursor(
                    CursorParts.instant(parts.get(0).asText()),
                    CursorParts.text(parts.get(1).asText()),
                    Scope.of(parts.get(2).asText()),
                    CursorParts.text(parts.get(3).asText()),
                    CursorParts.text(parts.get(4).asText()),
                    Granularity.of(parts.get(5).asText()));
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("cursor is malformed", e);
        }
    }
}
