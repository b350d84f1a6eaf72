package vn.cantho.ioc.store.explanation;

import java.util.List;

/** One page of requests, newest first; {@code nextCursor} is null on the last page. */
public record ExplanationPage(List<ExplanationRequest> items, String nextCursor) {}
