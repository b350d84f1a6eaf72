package vn.cantho.ioc.model.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.cantho.ioc.model.json.Json;

/** Kafka serde for a JSON record type, using the project's shared mapper. */
public final class JsonSerde<T> extends JacksonSerde<T> {

    public JsonSerde(Class<T> type) {
        super(type);
    }

    @Override
    ObjectMapper writer() {
        return Json.mapper();
    }

    @Override
    ObjectMapper readerFor(byte[] bytes) {
        return Json.mapper();
    }
}
