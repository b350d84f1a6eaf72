package vn.cantho.ioc.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads JSON that arrives from outside the hub (API command bodies, registry changes) strictly, so a
 * body is either exactly what its endpoint documents or refused before anything is written:
 * <ul>
 *   <li>valid UTF-8 only (a broken byte is not silently replaced);</li>
 *   <li>exactly one JSON value: content after it, such as a second object, is an error;</li>
 *   <li>no duplicate keys, and no NUL character (U+0000) in any string or key, which PostgreSQL cannot store;</li>
 *   <li>no type coercion: {@code "lat": "10.5"} is not a number and {@code "name": 5} is not a string.</li>
 * </ul>
 * Every refusal is an {@link Invalid} whose message names the field and the JSON type expected, never a
 * Java class, so it can go to the client as it is.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = strictMapper();

    private StrictJson() {}

    /** A body refused; the message is written for the client. */
    public static final class Invalid extends Exception {

        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The one JSON value of {@code body}; null when the body is empty or only whitespace.
     *
     * @throws Invalid when it is not valid UTF-8, not well-formed JSON, has content after the value, a
     *                 duplicate key or a NUL character
     */
    public static JsonNode tree(byte[] body) throws Invalid {
        if (!isUtf8(body)) {
            throw new Invalid("the body is not valid UTF-8");
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(body)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw new Invalid("unexpected content after the JSON value" + at(parser.currentTokenLocation())
                        + "; send exactly one JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new Invalid("the body is not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid("the body cannot be read as JSON");
        }
        if (root != null && root.isMissingNode()) {
            return null;
        }
        if (root != null) {
            checkNoNul(root, "");
        }
        return root;
    }

    /**
     * {@code tree} as a {@code type}: unknown fields, missing constructor fields and values of another JSON
     * type are refused.
     */
    public static <T> T value(JsonNode tree, Class<T> type) throws Invalid {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            // The path ends with the unknown field itself; the message names its parent.
            String parent = path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
            throw new Invalid(prefix(parent) + "unknown field '" + e.getPropertyName() + "'");
        } catch (ValueInstantiationException e) {
            String problem = e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null
                    ? cause.getMessage()
                    : "is not valid";
            throw new Invalid(prefix(path(e)) + problem);
        } catch (MismatchedInputException e) {
            String path = path(e);
            String problem =
                    tree.isObject() && !path.isEmpty() && !path.contains(".") && !path.contains("[") && !tree.has(path)
                            ? "required"
                            : "must be " + kind(e.getTargetType());
            throw new Invalid((path.isEmpty() ? "the body" : path) + ": " + problem);
        } catch (JsonMappingException e) {
            throw new Invalid((path(e).isEmpty() ? "the body" : path(e)) + ": does not have the documented shape");
        } catch (JsonProcessingException e) {
            throw new Invalid("the body does not have the documented shape");
        }
    }

    /** Whether {@code bytes} is well-formed UTF-8. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void checkNoNul(JsonNode node, String path) throws Invalid {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw new Invalid((path.isEmpty() ? "the body" : path) + ": contains a NUL character (U+0000)");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNoNul(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                if (name.indexOf('\0') >= 0) {
                    throw new Invalid(
                            (path.isEmpty() ? "the body" : path) + ": a field name contains a NUL character (U+0000)");
                }
                checkNoNul(field.getValue(), path.isEmpty() ? name : path + "." + name);
            }
        }
    }

    /** The JSON path of a databind error: {@code metrics[2]}, {@code name}; empty for the root. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    /** What a Java target type is called in JSON, for messages that must not name Java classes. */
    private static String kind(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (CharSequence.class.isAssignableFrom(type)
                || type.isEnum()
                || type == Character.class
                || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
        // Jackson turns numbers and booleans into strings, and strings into numbers and booleans, unless told not to.
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
