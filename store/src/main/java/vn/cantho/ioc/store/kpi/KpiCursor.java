package vn.cantho.ioc.store.kpi;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.CursorParts;

/**
 * Where a page of a KPI's history ended: the sort key (period start, scope, entity id, labels) of its
 * last row; the next page starts strictly after it. Travels as an opaque base64url string (a JSON
 * array inside, so entity ids and labels may hold any character).
 */
public record KpiCursor(Instant periodStart, String scope, String entityId, String labelsKey) {

    public String encode() {
        try {
            byte[] json = Json.mapper().writeValueAsBytes(List.of(periodStart.toString(), scope, entityId, labelsKey));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a cursor", e);
        }
    }

    /** @throws IllegalArgumentException when {@code encoded} was not made by {@link #encode()} */
    public static KpiCursor decode(String encoded) {
        try {
            List<String> parts = Json.mapper()
                    .readValue(
                            new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8),
                            new TypeReference<List<String>>() {});
            if (parts.size() != 4 || parts.stream().anyMatch(p -> p == null)) {
                throw new IllegalArgumentException("cursor is malformed");
            }
            return new KpiCursor(
                    CursorParts.instant(parts.get(0)),
                    CursorParts.text(parts.get(1)),
                    CursorParts.text(parts.get(2)),
                    CursorParts.text(parts.get(3)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cursor is malformed", e);
        }
    }
}
