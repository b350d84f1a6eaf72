package vn.cantho.ioc.ingest.feed;

import java.util.Map;

/**
 * One row as read from a body, not yet checked against the schema.
 *
 * @param row        CSV line number or JSON index (see {@link RowError#row()})
 * @param cells      field name to value, in the order given; absent fields are missing
 * @param original   the row's bytes as sent, kept in its dead letter if it is rejected
 * @param structural a problem that rejects the row before any field is looked at, or null
 */
record RawRow(int row, Map<String, Cell> cells, byte[] original, RowError structural) {}
