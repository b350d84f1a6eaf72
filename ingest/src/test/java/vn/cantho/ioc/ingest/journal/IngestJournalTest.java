package vn.cantho.ioc.ingest.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest journal on a real file system: order, segments, checkpoints and a record torn by a crash. */
class IngestJournalTest {

    private static final Instant T0 = Instant.parse("2026-12-05T01:02:03.456Z");

    @TempDir
    Path dir;

    @Test
    void messages_are_read_back_in_order_with_their_topic_payload_and_receive_time() throws IOException {
        // Given a journal with three messages
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536)) {
            for (int i = 0; i < 3; i++) {
                journal.append("ioc/v1/devices/d" + i + "/telemetry", bytes("{\"n\":" + i + "}"), T0.plusMillis(i));
            }

            // When it is read from the start
            List<IngestJournal.Entry> entries = readAll(journal, journal.checkpoint());

            // Then the messages come back as written
            assertThat(entries)
                    .extracting(IngestJournal.Entry::topic)
                    .containsExactly(
                            "ioc/v1/devices/d0/telemetry",
                            "ioc/v1/devices/d1/telemetry",
                            "ioc/v1/devices/d2/telemetry");
            assertThat(entries)
                    .extracting(e -> new String(e.payload(), StandardCharsets.UTF_8))
                    .containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
            assertThat(entries)
                    .extracting(IngestJournal.Entry::receivedAt)
                    .containsExactly(T0, T0.plusMillis(1), T0.plusMillis(2));
            assertThat(entries.get(2).next()).isEqualTo(journal.end());
        }
    }

    @Test
    void a_payload_over_the_limit_is_kept_cut_with_its_real_length() throws IOException {
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 2000)) {
            journal.append("ioc/v1/devices/big/telemetry", new byte[5000], T0);

            IngestJournal.Entry entry = readAll(journal, 0).get(0);

            assertThat(entry.payloadLength()).isEqualTo(5000);
            assertThat(entry.payload()).hasSize(1024);
        }
    }

    @Test
    void a_reader_follows_across_segments_and_confirming_deletes_the_segments_behind_it() throws IOException {
        // Given segments of about 1 KiB and 100 messages of ~100 bytes
        try (IngestJournal journal = IngestJournal.open(dir, 1024, 65536)) {
            for (int i = 0; i < 100; i++) {
                journal.append("ioc/v1/devices/d/telemetry", bytes("x".repeat(50) + i), T0);
            }
            assertThat(segments()).hasSizeGreaterThan(5);

            // When everything is read and the end confirmed
            List<IngestJournal.Entry> entries = readAll(journal, 0);
            journal.confirm(journal.end());

            // Then all came back in order and only the active segment is left
            assertThat(entries).hasSize(100);
            assertThat(new String(entries.get(99).payload(), StandardCharsets.UTF_8))
                    .endsWith("99");
            assertThat(segments()).hasSize(1);
            assertThat(journal.checkpoint()).isEqualTo(journal.end());
        }
    }

    @Test
    void a_record_torn_by_a_crash_is_cut_off_and_the_journal_goes_on_after_the_last_whole_one() throws IOException {
        // Given two whole records and half of a third, as a kill in the middle of a write would leave
        long wholeEnd;
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536)) {
            journal.append("ioc/v1/devices/a/telemetry", bytes("{\"a\":1}"), T0);
            journal.append("ioc/v1/devices/b/telemetry", bytes("{\"b\":2}"), T0);
            wholeEnd = journal.end();
        }
        Path segment = segments().get(0);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5}));
        }

        // When it is opened again and written to
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536)) {
            assertThat(journal.end()).isEqualTo(wholeEnd);
            journal.append("ioc/v1/devices/c/telemetry", bytes("{\"c\":3}"), T0);

            // Then the torn bytes are gone and the new record follows the last whole one
            assertThat(readAll(journal, 0))
                    .extracting(IngestJournal.Entry::topic)
                    .containsExactly(
                            "ioc/v1/devices/a/telemetry", "ioc/v1/devices/b/telemetry", "ioc/v1/devices/c/telemetry");
        }
    }

    @Test
    void a_reopened_journal_resumes_reading_at_its_checkpoint() throws IOException {
        long checkpoint;
        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536)) {
            journal.append("ioc/v1/devices/a/telemetry", bytes("1"), T0);
            checkpoint = journal.end();
            journal.append("ioc/v1/devices/a/telemetry", bytes("2"), T0);
            journal.confirm(checkpoint);
        }

        try (IngestJournal journal = IngestJournal.open(dir, 1 << 20, 65536)) {
            assertThat(journal.checkpoint()).isEqualTo(checkpoint);
            assertThat(readAll(journal, journal.checkpoint()))
                    .extracting(e -> new String(e.payload(), StandardCharsets.UTF_8))
                    .containsExactly("2");
        }
    }

    private static List<IngestJournal.Entry> readAll(IngestJournal journal, long from) throws IOException {
        List<IngestJournal.Entry> entries = new ArrayList<>();
        try (IngestJournal.Reader reader = journal.reader(from)) {
            IngestJournal.Entry entry;
            while ((entry = reader.next()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".journal")).sorted().toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
