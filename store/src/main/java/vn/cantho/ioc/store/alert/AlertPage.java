package vn.cantho.ioc.store.alert;

import java.util.List;

/** One page of alerts; {@code nextCursor} is null on the last page. */
public record AlertPage(List<Alert> items, String nextCursor) {

    public AlertPage {
        items = List.copyOf(items);
    }
}
