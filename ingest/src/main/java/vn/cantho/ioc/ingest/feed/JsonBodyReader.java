package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON push body: an array of record objects, or {@code {"records": [...]}}.
 *
 * <p>A body that is valid UTF-8 is parsed as such. A body that is not (a legacy system wrote TCVN3 or
 * VNI bytes into its strings) is not rejected: it is parsed byte for byte, and each string value is
 * handed on as its raw bytes, so every text field can be decoded on its own and a field that cannot be
 * decoded rejects only its row.
 */
final class JsonBodyReader {

    /** NaN/Infinity literals are read so they can be reported per row as BAD_NUMBER rather than BAD_JSON. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBodyReader() {}

    /**
     * @throws FeedException BAD_JSON (with line and column) for a malformed body, PAYLOAD_TOO_LARGE for
     *                       more than {@code maxRows} records
     */
    static List<RawRow> read(byte[] body, int maxRows) {
        boolean utf8 = Utf8.isValid(body);
        int skip = Utf8.bomLength(body);
        try (JsonParser parser = utf8
                ? MAPPER.createParser(body, skip, body.length - skip)
                : MAPPER.createParser(new String(body, skip, body.length - skip, StandardCharsets.ISO_8859_1))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw bad("the body is empty; expected a JSON array of records or {\"records\": [...]}");
            }
            List<RawRow> rows = null;
            if (first == JsonToken.START_ARRAY) {
                rows = rows(parser, body, skip, utf8, maxRows);
            } else if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("records") && value == JsonToken.START_ARRAY) {
                        rows = rows(parser, body, skip, utf8, maxRows);
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            if (rows == null) {
                throw bad("expected a JSON array of records or an object {\"records\": [...]} (line "
                        + parser.currentTokenLocation().getLineNr() + ")");
            }
            if (parser.nextToken() != null) {
                throw bad("unexpected content after the records at line "
                        + parser.currentTokenLocation().getLineNr() + ", column "
                        + parser.currentTokenLocation().getColumnNr());
            }
            return rows;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw bad(
                    "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                            + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad("cannot read the body: " + e.getMessage());
        }
    }

    private static List<RawRow> rows(JsonParser parser, byte[] body, int skip, boolean utf8, int maxRows)
            throws IOException {
        List<RawRow> rows = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw bad("the records array is not closed");
            }
            if (index >= maxRows) {
                throw new FeedException(
                        FeedErrorCode.PAYLOAD_TOO_LARGE,
                        "more than " + maxRows + " records in one push; this feed accepts at most " + maxRows
                                + " rows per request: split the data");
            }
            long start = offset(parser.currentTokenLocation(), utf8);
            JsonNode node = MAPPER.readTree(parser);
            long end = offset(parser.currentLocation(), utf8);
            byte[] original = Arrays.copyOfRange(body, (int) Math.min(body.length, start + skip), (int)
                    Math.min(body.length, Math.max(start, end) + skip));
            if (!node.isObject()) {
                rows.add(new RawRow(
                        index,
                        Map.of(),
                        original,
                        new RowError(
                                index,
                                null,
                                RowErrorCode.BAD_TYPE,
                                "a record must be a JSON object, not " + describe(node))));
            } else {
                Map<String, Cell> cells = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode value = field.getValue();
                    cells.put(
                            field.getKey(),
                            !utf8 && value.isTextual()
                                    ? new Cell.Raw(latin1Bytes(value.textValue()))
                                    : new Cell.Json(value));
                }
                rows.add(new RawRow(index, cells, original, null));
            }
            index++;
        }
        return rows;
    }

    private static long offset(JsonLocation location, boolean utf8) {
        // Parsed from bytes: byte offsets; parsed from the ISO-8859-1 string: one char per byte.
        return Math.max(0, utf8 ? location.getByteOffset() : location.getCharOffset());
    }

    /**
     * The bytes a string of an ISO-8859-1-read body stood for. Characters above U+00FF can only come
     * from {@code \\u} escapes; they are written as UTF-8.
     */
    static byte[] latin1Bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0xFF) {
                out.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return out.toByteArray();
    }

    static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isNull() ? "null" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static FeedException bad(String message) {
        return new FeedException(FeedErrorCode.BAD_JSON, message);
    }
}
