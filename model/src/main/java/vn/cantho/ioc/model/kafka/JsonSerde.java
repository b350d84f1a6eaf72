package vn.cantho.ioc.model.kafka;

import vn.cantho.ioc.model.json.Json;

/** Kafka serde for a JSON record type, using the project's shared mapper. */
public final class JsonSerde<T> extends JacksonSerde<T> {

    public JsonSerde(Class<T> type) {
        super(type, Json.mapper());
    }

    @Override
    boolean writtenByMapper(byte[] bytes) {
        return true;
    }
}
