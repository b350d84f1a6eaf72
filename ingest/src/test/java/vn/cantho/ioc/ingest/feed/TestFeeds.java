package vn.cantho.ioc.ingest.feed;

import java.util.List;

/** Feed definitions for tests. */
final class TestFeeds {

    private TestFeeds() {}

    /** Every field type, an event feed keyed by {@code id}. */
    static FeedDefinition allTypes(String department) {
        return new FeedDefinition(
                "all-types",
                "Kiểm thử",
                department,
                "citizen_feedback",
                Cadence.EVENT,
                "test",
                List.of("id"),
                "at",
                null,
                100,
                null,
                List.of(
                        new FieldSpec("id", FieldType.STRING, "Mã", null, true, false, null, null, null, 20, null),
                        new FieldSpec(
                                "at", FieldType.DATETIME, "Thời điểm", null, true, false, null, null, null, null, null),
                        new FieldSpec("day", FieldType.DATE, "Ngày", null, false, false, null, null, null, null, null),
                        new FieldSpec(
                                "count", FieldType.INT, "Số", "vụ", false, false, "test_count", 0.0, 100.0, null, null),
                        new FieldSpec(
                                "ratio",
                                FieldType.NUMBER,
                                "Tỷ lệ",
                                "%",
                                false,
                                false,
                                "test_ratio",
                                0.0,
                                100.0,
                                null,
                                null),
                        new FieldSpec("ok", FieldType.BOOL, "Đạt", null, false, false, null, null, null, null, null),
                        new FieldSpec(
                                "kind",
                                FieldType.STRING,
                                "Loại",
                                null,
                                false,
                                false,
                                null,
                                null,
                                null,
                                null,
                                List.of("a", "b")),
                        new FieldSpec(
                                "note", FieldType.STRING, "Ghi chú", null, false, true, null, null, null, 50, null)));
    }
}
