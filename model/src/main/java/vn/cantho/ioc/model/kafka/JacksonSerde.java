package vn.cantho.ioc.model.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import vn.cantho.ioc.model.json.Json;

/**
 * A Kafka serde for one record type through one of the project's Jackson mappers; null stays null. The readers and the
 * writer are made once per serde: reading through {@code ObjectMapper.readValue(bytes, type)} looked the type's
 * deserializer up again on every record.
 */
abstract class JacksonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final ObjectReader textReader;

    /**
     * @param mapper the mapper that writes every value, and reads what {@link #writtenByMapper} recognises
     */
    JacksonSerde(Class<T> type, ObjectMapper mapper) {
        this.type = type;
        this.writer = mapper.writer();
        this.reader = mapper.readerFor(type);
        this.textReader = Json.mapper().readerFor(type);
    }

    /** Whether {@code bytes} are in the mapper's format; other bytes are read as JSON text. */
    abstract boolean writtenByMapper(byte[] bytes);

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(value);
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
                return (writtenByMapper(bytes) ? reader : textReader).readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic, e);
            }
        };
    }
}
