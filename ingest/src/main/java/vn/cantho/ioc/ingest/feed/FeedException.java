package vn.cantho.ioc.ingest.feed;

/** A whole request is refused; the feed server answers {@code {"code","message"}} with the code's status. */
public final class FeedException extends RuntimeException {

    private final FeedErrorCode code;

    public FeedException(FeedErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public FeedErrorCode code() {
        return code;
    }
}
