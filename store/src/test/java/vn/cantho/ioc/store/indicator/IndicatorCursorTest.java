package vn.cantho.ioc.store.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;

class IndicatorCursorTest {

    @Test
    void a_cursor_survives_encoding_even_with_separators_in_its_values() {
        IndicatorCursor cursor = new IndicatorCursor(
                Instant.parse("2026-11-23T00:00:00Z"),
                "vn_aqi_hourly",
                Scope.DEVICE,
                "odd|id,\"x\"",
                "category=a&ward=b",
                Granularity.HOUR);

        assertThat(IndicatorCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anything_not_made_by_encode_is_refused() {
        assertThatThrownBy(() -> IndicatorCursor.decode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorCursor.decode("not base64 !")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorCursor.decode(b64("{\"a\":1}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorCursor.decode(b64("[\"x\",\"a\",\"device\",\"e\",\"\",\"hour\"]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        IndicatorCursor.decode(b64("[\"2026-11-23T00:00:00Z\",\"a\",\"planet\",\"e\",\"\",\"hour\"]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorCursor.decode(b64("[1,2,3,4,5,6]")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
