package vn.cantho.ioc.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Instants in the binary (Smile) form as one integer, nanoseconds since the epoch, instead of ISO-8601 text: parsing
 * and formatting that text through {@code DateTimeFormatter} was the largest single cost of the streams threads
 * (every reading and every state entry carries at least two instants). Nanoseconds keep every instant ingest accepts
 * exact (an ISO timestamp may carry them) up to the year 2262; an instant outside that range is still written as text.
 * ISO text is read as before, so state and topics written before the switch stay readable.
 */
final class EpochNanosInstants {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /**
     * The instants written as integers: their epoch nanoseconds fit in a long, and so does every step of
     * {@link #toNanos} (hence the whole second above the lowest one).
     */
    private static final Instant MIN = Instant.ofEpochSecond(Math.floorDiv(Long.MIN_VALUE, NANOS_PER_SECOND) + 1);

    private static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private EpochNanosInstants() {}

    static SimpleModule module() {
        return new SimpleModule("epoch-nanos-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    private static final class Writer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (value.isBefore(MIN) || value.isAfter(MAX)) {
                out.writeString(value.toString());
            } else {
                out.writeNumber(toNanos(value));
            }
        }
    }

    private static final class Reader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
            JsonToken token = in.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return fromNanos(in.getLongValue());
            }
            if (token == JsonToken.VALUE_STRING) {
                try {
                    return Instant.parse(in.getText());
                } catch (DateTimeParseException e) {
                    return (Instant) context.handleWeirdStringValue(Instant.class, in.getText(), e.getMessage());
                }
            }
            return (Instant) context.handleUnexpectedToken(Instant.class, in);
        }
    }
}
