package vn.cantho.ioc.alerting.notify;

import java.net.URI;
import java.util.Objects;

/**
 * A webhook receiver.
 *
 * @param id          referred to by escalation steps and shown in the audit trail
 * @param url         where messages are POSTed (http or https)
 * @param secret      the HMAC-SHA256 key the receiver verifies signatures with
 * @param transitions whether it gets the notifying condition changes (level 1); escalation steps name
 *                    their receivers themselves
 */
public record Receiver(String id, URI url, String secret, boolean transitions) {

    public Receiver {
        if (id == null || !id.matches("[A-Za-z0-9_.\\-]{1,64}")) {
            throw new IllegalArgumentException(
                    "receiver id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        Objects.requireNonNull(url, "receiver '" + id + "' needs a url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("receiver '" + id + "' url must be http or https, got " + url);
        }
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("receiver '" + id + "' needs a secret of at least 16 characters");
        }
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "Receiver[" + id + " " + url + "]";
    }
}
