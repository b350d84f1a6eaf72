package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Scope;

/** The opaque paging cursor: round trips and rejection of anything else. */
class AggregateCursorTest {

    @Test
    void a_cursor_survives_encoding_and_decoding() {
        // Given
        AggregateCursor cursor =
                new AggregateCursor(Instant.parse("2026-11-23T03:00:00.123456Z"), Scope.DEVICE, "aq-ninh-kieu-01");

        // When
        AggregateCursor decoded = AggregateCursor.decode(cursor.encode());

        // Then
        assertThat(decoded).isEqualTo(cursor);
    }

    @Test
    void an_entity_id_containing_the_separator_survives_encoding() {
        // Given
        AggregateCursor cursor = new AggregateCursor(Instant.parse("2026-11-23T03:00:00Z"), Scope.AREA, "a|b|c");

        // When
        AggregateCursor decoded = AggregateCursor.decode(cursor.encode());

        // Then
        assertThat(decoded).isEqualTo(cursor);
    }

    @Test
    void the_encoded_form_is_url_safe() {
        // Given
        AggregateCursor cursor = new AggregateCursor(Instant.parse("2026-11-23T03:00:00Z"), Scope.DEVICE, "?&/+= ~");

        // When
        String encoded = cursor.encode();

        // Then
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void garbage_is_rejected_with_an_illegal_argument() {
        assertThatThrownBy(() -> AggregateCursor.decode("not base64 !!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggregateCursor.decode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggregateCursor.decode(base64("2026-11-23T03:00:00Z|device")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggregateCursor.decode(base64("yesterday|device|x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggregateCursor.decode(base64("2026-11-23T03:00:00Z|district|x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggregateCursor.decode(base64("2026-11-23T03:00:00Z|device|")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
