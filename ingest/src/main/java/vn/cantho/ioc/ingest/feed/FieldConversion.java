package vn.cantho.ioc.ingest.feed;

/**
 * A text field that arrived in a legacy encoding and was converted to Unicode.
 *
 * @param row   as in {@link RowError#row()}
 * @param field the text field
 * @param from  {@code TCVN3}, {@code VNI_WINDOWS} or {@code WINDOWS_1258}
 */
public record FieldConversion(int row, String field, String from) {}
