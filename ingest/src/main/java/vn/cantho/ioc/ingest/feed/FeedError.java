package vn.cantho.ioc.ingest.feed;

/** The JSON body of every feed API error: a stable code and a message for people. */
public record FeedError(String code, String message) {}
