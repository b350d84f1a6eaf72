package vn.cantho.ioc.simulator.feed;

import java.util.List;
import java.util.Map;

/** Records of one feed that one department pushes together, as JSON objects (field name to value). */
public record FeedBatch(String feed, String department, List<Map<String, Object>> records) {

    public FeedBatch {
        records = List.copyOf(records);
    }
}
