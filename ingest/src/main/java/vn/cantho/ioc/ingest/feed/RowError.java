package vn.cantho.ioc.ingest.feed;

/**
 * One problem with one row of a push.
 *
 * @param row     CSV: the line the row starts on (the header is line 1); JSON: the record's 0-based index
 * @param field   the field concerned, or null for the whole row
 * @param code    stable code
 * @param message what is wrong, for people
 */
public record RowError(int row, String field, RowErrorCode code, String message) {}
