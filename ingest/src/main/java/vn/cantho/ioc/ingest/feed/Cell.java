package vn.cantho.ioc.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;

/** One input value of a row before it is typed against the schema. */
sealed interface Cell {

    /** Raw bytes, possibly not UTF-8: a CSV cell, or a JSON string of a body that is not valid UTF-8. */
    record Raw(byte[] bytes) implements Cell {}

    /** A JSON value (strings included when the body was valid UTF-8). */
    record Json(JsonNode node) implements Cell {}
}
