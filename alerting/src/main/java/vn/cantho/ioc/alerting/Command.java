package vn.cantho.ioc.alerting;

/**
 * Who does an action, why, and on which version of the alert.
 *
 * @param actor           the person (the API passes the authenticated token's subject); required
 * @param comment         optional comment or reason, stored in the audit entry (required for {@code comment})
 * @param expectedVersion the alert version the actor saw ({@code If-Match}); null = no check
 */
public record Command(String actor, String comment, Long expectedVersion) {

    public static final int MAX_ACTOR_LENGTH = 200;
    public static final int MAX_COMMENT_LENGTH = 4000;

    public static Command by(String actor) {
        return new Command(actor, null, null);
    }

    public Command withComment(String text) {
        return new Command(actor, text, expectedVersion);
    }

    public Command expecting(long version) {
        return new Command(actor, comment, version);
    }

    /** What is wrong with it, or null when it is valid. */
    String problem() {
        if (actor == null || actor.isBlank()) {
            return "an actor is required";
        }
        if (actor.length() > MAX_ACTOR_LENGTH) {
            return "actor is longer than " + MAX_ACTOR_LENGTH + " characters";
        }
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            return "comment is longer than " + MAX_COMMENT_LENGTH + " characters";
        }
        return null;
    }
}
