package vn.cantho.ioc.model.kafka;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import vn.cantho.ioc.model.json.Json;

/**
 * Kafka serde for what only the hub's own streams applications read: state stores, their changelogs and repartition
 * topics. It writes Smile ({@link Json#smileMapper()}), the binary form of the same JSON data model, so a record type
 * needs no schema of its own and evolves as its JSON does (unknown fields are ignored); it is smaller and quicker to
 * write and read than JSON text, which every state update paid for. It reads JSON text as well, told apart by Smile's
 * header ({@code :)\n}, which no JSON document starts with), so changelogs and repartition topics written before the
 * switch restore and drain unchanged. Topics other systems read stay JSON ({@link JsonSerde}).
 */
public final class SmileSerde<T> implements Serde<T> {

    private final Class<T> type;

    public SmileSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return Json.smileMapper().writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return (isSmile(bytes) ? Json.smileMapper() : Json.mapper()).readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic, e);
            }
        };
    }

    static boolean isSmile(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == ':' && bytes[1] == ')' && bytes[2] == '\n';
    }
}
