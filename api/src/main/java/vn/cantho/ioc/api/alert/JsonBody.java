package vn.cantho.ioc.api.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.api.http.QueryParams;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.json.StrictJson;

/**
 * A request's JSON object body, read strictly ({@link StrictJson}: UTF-8, one value, no duplicate keys,
 * no NUL): it must be an object, only the endpoint's fields are allowed (a misspelt {@code coment} is an
 * error rather than a silently lost comment), and each field must have its type. Every problem is a 400
 * {@code BAD_BODY} naming the field; an empty body is an empty object. Size limits are the server's ({@code 413 PAYLOAD_TOO_LARGE} before this is reached).
 */
public final class JsonBody {

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody parse(byte[] body, Set<String> allowed) {
        JsonNode root;
        try {
            root = StrictJson.tree(body);
        } catch (StrictJson.Invalid e) {
            throw bad(e.getMessage());
        }
        if (root == null) {
            return new JsonBody(Json.mapper().createObjectNode());
        }
        if (!root.isObject()) {
            throw bad("body must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw bad("unknown field '" + name + "'; allowed: " + String.join(", ", allowed));
            }
        }
        return new JsonBody(root);
    }

    /** A string field; null when absent or JSON null. */
    public String text(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.getNodeType() != JsonNodeType.STRING) {
            throw bad(field + ": must be a string");
        }
        return node.asText();
    }

    public Instant instant(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(field + ": '" + text + "' is not an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
        try {
            return QueryParams.storable(field, instant);
        } catch (ApiException e) {
            throw bad(e.getMessage());
        }
    }

    public JsonNode node(String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node;
    }

    boolean has(String field) {
        return root.has(field);
    }

    public static ApiException bad(String message) {
        return new ApiException(ErrorCode.BAD_BODY, message);
    }
}
