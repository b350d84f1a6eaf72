package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.model.config.Config;
import vn.cantho.ioc.model.config.ConfigException;

class FeedOptionsTest {

    @Test
    void defaults_serve_the_built_in_feeds_on_port_8081_with_10_mib_and_50000_rows() {
        // When
        FeedOptions feeds = FeedOptions.from(new Config(Map.of()));

        // Then
        assertThat(feeds.port()).isEqualTo(8081);
        assertThat(feeds.maxBodyBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(feeds.maxRows()).isEqualTo(50_000);
        assertThat(feeds.kafkaTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(feeds.registryDir()).isEmpty();
        assertThat(feeds.registry().feed("traffic-safety-daily")).isPresent();
    }

    @Test
    void a_registry_directory_needs_a_feeds_json(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> FeedOptions.from(new Config(Map.of("FEED_REGISTRY_DIR", dir.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("FEED_REGISTRY_DIR");

        Files.writeString(dir.resolve("feeds.json"), "{\"version\":1,\"departments\":[],\"feeds\":[]}");
        assertThat(FeedOptions.from(new Config(Map.of("FEED_REGISTRY_DIR", dir.toString())))
                        .registry()
                        .feeds())
                .isEmpty();
    }

    @Test
    void invalid_feed_settings_stop_the_start_with_the_key_named() {
        assertThatThrownBy(() -> FeedOptions.from(new Config(Map.of("FEED_HTTP_PORT", "80800"))))
                .hasMessageContaining("FEED_HTTP_PORT");
        assertThatThrownBy(() -> FeedOptions.from(new Config(Map.of("FEED_MAX_BODY_BYTES", "0"))))
                .hasMessageContaining("FEED_MAX_BODY_BYTES");
        assertThatThrownBy(() -> FeedOptions.from(new Config(Map.of("FEED_MAX_ROWS", "lots"))))
                .hasMessageContaining("FEED_MAX_ROWS");
        assertThatThrownBy(() -> FeedOptions.from(new Config(Map.of("FEED_KAFKA_TIMEOUT", "0s"))))
                .hasMessageContaining("FEED_KAFKA_TIMEOUT");
    }
}
