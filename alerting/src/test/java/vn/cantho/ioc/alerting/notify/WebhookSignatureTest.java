package vn.cantho.ioc.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook signature and the retry schedule. */
class WebhookSignatureTest {

    @Test
    void the_signature_is_the_documented_hmac_and_any_change_breaks_it() {
        // Given: the example of docs/notifications.md (value computed there with Python's hmac module)
        String secret = "change-me-to-a-long-random-secret";
        String body = "{\"version\":1,\"kind\":\"transition\"}";

        // When
        String signature = WebhookSignature.sign(secret, 1_795_000_000L, body);

        // Then
        assertThat(signature).isEqualTo("v1=38c6e3e9d773060dd2bb37b3abd23348efe710a76223e8bf6304fec4afe38d0e");
        assertThat(WebhookSignature.verify(secret, 1_795_000_000L, body, signature))
                .isTrue();
        assertThat(WebhookSignature.verify(secret, 1_795_000_001L, body, signature))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, 1_795_000_000L, body + " ", signature))
                .isFalse();
        assertThat(WebhookSignature.verify("another-secret-entirely", 1_795_000_000L, body, signature))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, 1_795_000_000L, body, null)).isFalse();
    }

    @Test
    void retries_back_off_exponentially_up_to_the_cap() {
        // Given
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                null,
                Map.of(),
                Clock.systemUTC(),
                new WebhookDispatcher.Options(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofHours(24)));

        // When / Then
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(dispatcher.backoff(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(dispatcher.backoff(1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
