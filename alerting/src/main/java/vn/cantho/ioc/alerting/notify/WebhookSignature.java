package vn.cantho.ioc.alerting.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code v1=} + hex HMAC-SHA256, keyed with the receiver's secret, of
 * {@code <timestamp>.<body>} where the timestamp is the {@link #TIMESTAMP_HEADER} value (Unix seconds).
 * Signing the timestamp lets receivers refuse replays of old messages. See {@code docs/notifications.md}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-IOC-Signature";
    public static final String TIMESTAMP_HEADER = "X-IOC-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String ATTEMPT_HEADER = "X-IOC-Attempt";

    private WebhookSignature() {}

    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, long timestampSeconds, String body, String signature) {
        byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
        return signature != null && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
