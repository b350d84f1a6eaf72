package vn.cantho.ioc.model.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one JSON configuration shared by every module: ISO-8601 instants, unknown fields tolerated
 * (so a newer writer never breaks an older reader), no NaN literals.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());
    // Registered after JavaTimeModule, so its instant (de)serializers win (a later module takes precedence).
    private static final ObjectMapper SMILE =
            configure(new ObjectMapper(new SmileFactory())).registerModule(EpochNanosInstants.module());

    private Json() {}

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The same configuration writing and reading Smile, Jackson's binary form of the JSON data model (the same
     * records, no schema of their own): for what only the hub itself reads, where JSON text would be paid for on
     * every record (see {@link vn.cantho.ioc.model.kafka.SmileSerde}). Instants are written as epoch nanoseconds
     * ({@link EpochNanosInstants}); ISO text is still read.
     */
    public static ObjectMapper smileMapper() {
        return SMILE;
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        // Blackbird reads and writes properties through generated lambdas instead of reflection: every record on
        // the data plane is encoded or decoded at least once per stage, and reflective access was a visible share
        // of the streams threads' time (docs/benchmarks.md).
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }
}
