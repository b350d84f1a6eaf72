package vn.cantho.ioc.model.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde for one record type through one of the project's Jackson mappers; null stays null. */
abstract class JacksonSerde<T> implements Serde<T> {

    private final Class<T> type;

    JacksonSerde(Class<T> type) {
        this.type = type;
    }

    /** The mapper that writes every value. */
    abstract ObjectMapper writer();

    /** The mapper that reads {@code bytes}. */
    abstract ObjectMapper readerFor(byte[] bytes);

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer().writeValueAsBytes(value);
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
                return readerFor(bytes).readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic, e);
            }
        };
    }
}
