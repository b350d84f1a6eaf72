package vn.cantho.ioc.api.alert;

import java.util.List;
import vn.cantho.ioc.store.alert.Alert;

/** One page of {@code GET /api/v1/alerts}; {@code nextCursor} is null on the last page. */
public record AlertListResponse(List<Alert> items, String nextCursor) {}
