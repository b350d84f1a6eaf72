package vn.cantho.ioc.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV push body (RFC 4180): a header row naming the feed's fields, then one row per record.
 *
 * <p>Works on bytes, not characters, so a cell that is not UTF-8 (TCVN3 or VNI from an old system)
 * reaches the validator as its raw bytes and rejects, at worst, its own row. Accepts {@code ,} or
 * {@code ;} (Excel with a Vietnamese locale) or tab as the separator, chosen from the header line;
 * {@code "} quotes with {@code ""} inside; {@code \n}, {@code \r\n} or {@code \r} line ends; a UTF-8 byte
 * order mark; blank lines (skipped).
 *
 * <p>The header is checked as a whole: an unknown or duplicate column, or a missing required one, is a
 * BAD_CSV error for the body (every row would fail the same way).
 */
final class CsvBodyReader {

    private static final byte QUOTE = '"';
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final byte[] body;
    private final byte delimiter;
    private int pos;
    private int line = 1;

    private CsvBodyReader(byte[] body, int start) {
        this.body = body;
        this.pos = start;
        this.delimiter = detectDelimiter(body, start);
    }

    /**
     * @throws FeedException BAD_CSV (with the line) for an unreadable body or header, PAYLOAD_TOO_LARGE
     *                       for more than {@code maxRows} rows
     */
    static List<RawRow> read(byte[] body, FeedDefinition feed, int maxRows) {
        CsvBodyReader reader = new CsvBodyReader(body, Utf8.bomLength(body));
        Record header = reader.next();
        while (header != null && header.blank()) {
            header = reader.next();
        }
        if (header == null) {
            throw bad(
                    "the body is empty; expected a header row naming the fields, e.g. " + String.join(",", feed.key()));
        }
        List<String> columns = header(header, feed);
        List<RawRow> rows = new ArrayList<>();
        for (Record record = reader.next(); record != null; record = reader.next()) {
            if (record.blank()) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw new FeedException(
                        FeedErrorCode.PAYLOAD_TOO_LARGE,
                        "more than " + maxRows + " rows in one push; this feed accepts at most " + maxRows
                                + " rows per request: split the file");
            }
            byte[] original = Arrays.copyOfRange(body, record.start, record.end);
            if (record.cells.size() != columns.size()) {
                rows.add(new RawRow(
                        record.line,
                        Map.of(),
                        original,
                        new RowError(
                                record.line,
                                null,
                                RowErrorCode.COLUMN_COUNT,
                                "line " + record.line + " has " + record.cells.size() + " values but the header has "
                                        + columns.size() + " columns")));
                continue;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.put(columns.get(i), new Cell.Raw(record.cells.get(i)));
            }
            rows.add(new RawRow(record.line, cells, original, null));
        }
        return rows;
    }

    private static List<String> header(Record header, FeedDefinition feed) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.cells.size(); i++) {
            byte[] cell = header.cells.get(i);
            String name = Utf8.decode(cell, 0, cell.length)
                    .orElseThrow(() -> bad("line " + header.line + ": the header is not valid UTF-8"))
                    .strip();
            if (name.isEmpty()) {
                throw bad("line " + header.line + ": column " + (i + 1) + " of the header has no name");
            }
            if (feed.field(name).isEmpty()) {
                throw bad("line " + header.line + ": unknown column '" + abbreviate(name) + "'; feed " + feed.id()
                        + " has the fields "
                        + String.join(", ", feed.fieldsByName().keySet()));
            }
            if (!seen.add(name)) {
                throw bad("line " + header.line + ": column '" + name + "' appears twice in the header");
            }
            columns.add(name);
        }
        List<String> missing = feed.fields().stream()
                .filter(FieldSpec::required)
                .map(FieldSpec::name)
                .filter(name -> !seen.contains(name))
                .toList();
        if (!missing.isEmpty()) {
            throw bad(
                    "line " + header.line + ": the header lacks the required column(s) " + String.join(", ", missing));
        }
        return columns;
    }

    /** The next record, or null at the end of the body. */
    private Record next() {
        if (pos >= body.length) {
            return null;
        }
        int startLine = line;
        int start = pos;
        List<byte[]> cells = new ArrayList<>();
        boolean quotedAny = false;
        while (true) {
            ByteArrayOutputStream cell = new ByteArrayOutputStream();
            if (pos < body.length && body[pos] == QUOTE) {
                quotedAny = true;
                int quoteLine = line;
                pos++;
                while (true) {
                    if (pos >= body.length) {
                        throw bad("line " + quoteLine + ": a quoted value is never closed");
                    }
                    byte b = body[pos];
                    if (b == QUOTE) {
                        if (pos + 1 < body.length && body[pos + 1] == QUOTE) {
                            cell.write(QUOTE);
                            pos += 2;
                            continue;
                        }
                        pos++;
                        break;
                    }
                    countLineEnd(b);
                    cell.write(b);
                    pos++;
                }
                while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t') && body[pos] != delimiter) {
                    pos++;
                }
                if (pos < body.length && body[pos] != delimiter && body[pos] != CR && body[pos] != LF) {
                    throw bad("line " + line + ": unexpected character after a closing quote (a quote inside a"
                            + " quoted value must be doubled: \"\")");
                }
            } else {
                int from = pos;
                while (pos < body.length && body[pos] != delimiter && body[pos] != CR && body[pos] != LF) {
                    pos++;
                }
                cell.write(body, from, pos - from);
            }
            cells.add(cell.toByteArray());
            if (pos < body.length && body[pos] == delimiter) {
                pos++;
                continue;
            }
            int end = pos;
            if (pos < body.length) {
                // A line end: \r\n, \n or \r.
                if (body[pos] == CR && pos + 1 < body.length && body[pos + 1] == LF) {
                    pos++;
                }
                pos++;
                line++;
            }
            return new Record(
                    startLine, cells, start, end, !quotedAny && cells.size() == 1 && cells.get(0).length == 0);
        }
    }

    private void countLineEnd(byte b) {
        if (b == LF || b == CR && (pos + 1 >= body.length || body[pos + 1] != LF)) {
            line++;
        }
    }

    /** The separator used most often outside quotes on the first line: {@code ,}, {@code ;} or tab. */
    private static byte detectDelimiter(byte[] body, int start) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = start; i < body.length; i++) {
            byte b = body[i];
            if (b == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && (b == LF || b == CR)) {
                break;
            } else if (!quoted && b == ',') {
                commas++;
            } else if (!quoted && b == ';') {
                semicolons++;
            } else if (!quoted && b == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? (byte) '\t' : (byte) ',';
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    private static FeedException bad(String message) {
        return new FeedException(FeedErrorCode.BAD_CSV, message);
    }

    private record Record(int line, List<byte[]> cells, int start, int end, boolean blank) {}
}
