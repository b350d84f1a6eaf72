package vn.cantho.ioc.api;

import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging over an in-memory list, as the stores page: rows in their order, a page starts after the row its
 * cursor names (after the end when no row has that cursor), and the next cursor names the page's last row when
 * rows remain.
 */
public final class FakePages {

    /** One page: its rows and the encoded cursor of the next page, null on the last. */
    public record Page<R>(List<R> items, String nextCursor) {}

    private FakePages() {}

    public static <R, C> Page<R> page(
            List<R> rows, Function<R, C> cursorOf, Function<C, String> encode, C after, int limit) {
        int start = 0;
        if (after != null) {
            start = rows.size();
            for (int i = 0; i < rows.size(); i++) {
                if (cursorOf.apply(rows.get(i)).equals(after)) {
                    start = i + 1;
                }
            }
        }
        int end = Math.min(rows.size(), start + limit);
        List<R> items = List.copyOf(rows.subList(start, end));
        return new Page<>(items, end < rows.size() ? encode.apply(cursorOf.apply(items.get(items.size() - 1))) : null);
    }
}
