package vn.cantho.ioc.ingest.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only journal of the MQTT messages the embedded broker accepted, on local disk: the broker
 * acknowledges a device's publish once the message is written here, and {@link JournalForwarder} moves the
 * journal into Kafka behind it. A message written here survives the hub process being killed (it is in the
 * operating system's page cache, as Kafka's own log is before its flush); it does not wait on Kafka, so
 * devices are acknowledged at disk speed and keep being acknowledged while Kafka restarts.
 *
 * <p>Layout: segment files {@code <20-digit base position>.journal}, each a sequence of records, and
 * {@code checkpoint}, the position up to which every record is confirmed in Kafka. A position is the base of
 * a segment plus a byte offset in it, so it only grows. Record: {@code int bodyLength, int crc32c(body)},
 * body = {@code long receivedAtMillis, int payloadLength, short topicLength, topic (UTF-8), stored payload}.
 * A payload longer than the journal's limit is stored cut to its first bytes with its real length, so it can
 * still be dead-lettered as too large. A record torn by a crash fails its length or CRC and is cut off when
 * the journal is opened again.
 *
 * <p>Thread-safe: any thread may append; one reader ({@link #reader(long)}) follows behind.
 */
public final class IngestJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestJournal.class);
    private static final String SUFFIX = ".journal";
    private static final int HEADER = 8;
    private static final int FIXED_BODY = 8 + 4 + 2;
    private static final int MAX_TOPIC_BYTES = 0x7fff;
    /** Bytes kept of a payload over the limit: enough for its dead letter to show what it was. */
    private static final int CUT_TO = 1024;

    /** One accepted message as read back. */
    public record Entry(
            long position, long next, Instant receivedAt, String topic, byte[] payload, int payloadLength) {}

    private final Path dir;
    private final long segmentBytes;
    private final int maxStoredPayload;
    private final Path checkpointFile;
    private FileChannel active;
    private long activeBase;
    private volatile long end;

    private IngestJournal(Path dir, long segmentBytes, int maxStoredPayload) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.maxStoredPayload = maxStoredPayload;
        this.checkpointFile = dir.resolve("checkpoint");
    }

    /**
     * Opens (or creates) the journal in {@code dir}, cutting off a record torn by a crash at the end.
     *
     * @param segmentBytes     a segment is closed and a new one begun once it reaches about this size
     * @param maxStoredPayload payloads longer than this are stored cut to their first 1,024 bytes, with their length
     */
    public static IngestJournal open(Path dir, long segmentBytes, int maxStoredPayload) {
        IngestJournal journal = new IngestJournal(dir.toAbsolutePath().normalize(), segmentBytes, maxStoredPayload);
        try {
            journal.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ingest journal in " + dir, e);
        }
        return journal;
    }

    private void recover() throws IOException {
        Files.createDirectories(dir);
        List<Long> bases = segmentBases();
        if (bases.isEmpty()) {
            long start = readCheckpoint().orElse(0L);
            openSegment(start);
            end = start;
            return;
        }
        long base = bases.get(bases.size() - 1);
        long valid = validLength(segment(base));
        try (FileChannel channel = FileChannel.open(segment(base), StandardOpenOption.WRITE)) {
            if (channel.size() > valid) {
                LOG.warn(
                        "ingest journal: cutting {} bytes of a record torn by a crash off {}",
                        channel.size() - valid,
                        segment(base).getFileName());
                channel.truncate(valid);
            }
        }
        active = FileChannel.open(segment(base), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        activeBase = base;
        end = base + valid;
    }

    /**
     * Writes one message and returns once it is in the operating system's hands (a process kill no longer
     * loses it). Throws when the disk refuses it; the caller must then not acknowledge the message.
     */
    public void append(String topic, byte[] payload, Instant receivedAt) throws IOException {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        if (topicBytes.length > MAX_TOPIC_BYTES) {
            topicBytes = Arrays.copyOf(topicBytes, MAX_TOPIC_BYTES);
        }
        int stored = payload.length > maxStoredPayload ? Math.min(payload.length, CUT_TO) : payload.length;
        int body = FIXED_BODY + topicBytes.length + stored;
        ByteBuffer record = ByteBuffer.allocate(HEADER + body);
        record.putInt(body)
                .putInt(0)
                .putLong(receivedAt.toEpochMilli())
                .putInt(payload.length)
                .putShort((short) topicBytes.length)
                .put(topicBytes)
                .put(payload, 0, stored);
        CRC32C crc = new CRC32C();
        crc.update(record.array(), HEADER, body);
        record.putInt(4, (int) crc.getValue());
        record.flip();
        synchronized (this) {
            if (active == null) {
                throw new IOException("ingest journal is closed");
            }
            if (end - activeBase + record.remaining() > segmentBytes && end > activeBase) {
                active.close();
                openSegment(end);
            }
            while (record.hasRemaining()) {
                active.write(record);
            }
            end += HEADER + body;
        }
    }

    /** The position after the last record written. */
    public long end() {
        return end;
    }

    /** The position up to which records are confirmed in Kafka (where a reader resumes after a restart). */
    public long checkpoint() {
        try {
            return readCheckpoint()
                    .orElseGet(() -> segmentBases().stream().findFirst().orElse(0L));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records that every record before {@code position} is in Kafka, atomically, and deletes segments that
     * lie wholly before it.
     */
    public void confirm(long position) throws IOException {
        Path temporary = dir.resolve("checkpoint.tmp");
        Files.writeString(temporary, Long.toString(position));
        Files.move(temporary, checkpointFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        List<Long> bases = segmentBases();
        for (int i = 0; i + 1 < bases.size(); i++) {
            if (bases.get(i + 1) <= position) {
                Files.deleteIfExists(segment(bases.get(i)));
            }
        }
    }

    /** A reader from {@code position} (a record boundary: the checkpoint or an entry's {@code next}). */
    public Reader reader(long position) {
        return new Reader(position);
    }

    @Override
    public synchronized void close() throws IOException {
        if (active != null) {
            active.close();
            active = null;
        }
    }

    /** Reads records in order, up to what has been written; not thread-safe, one per consumer. */
    public final class Reader implements AutoCloseable {
        private long position;
        private FileChannel channel;
        private long channelBase = -1;
        private final ByteBuffer header = ByteBuffer.allocate(HEADER);

        private Reader(long position) {
            this.position = position;
        }

        /** The next record, or null when the reader has caught up with the writers. */
        public Entry next() throws IOException {
            while (position < end) {
                if (channel == null) {
                    openAt(baseOf(position));
                }
                long offset = position - channelBase;
                if (offset >= channel.size()) {
                    // The end of a closed segment: the next one starts at this very position.
                    if (!Files.exists(segment(position))) {
                        throw new IOException("ingest journal: no segment starts at " + position);
                    }
                    openAt(position);
                    continue;
                }
                header.clear();
                readFully(header, offset);
                int body = header.getInt(0);
                int crc = header.getInt(4);
                ByteBuffer bodyBuffer = ByteBuffer.allocate(body);
                readFully(bodyBuffer, offset + HEADER);
                CRC32C check = new CRC32C();
                check.update(bodyBuffer.array(), 0, body);
                if ((int) check.getValue() != crc) {
                    throw new IOException("ingest journal: record at " + position + " fails its checksum");
                }
                long receivedAt = bodyBuffer.getLong(0);
                int payloadLength = bodyBuffer.getInt(8);
                int topicLength = bodyBuffer.getShort(12);
                String topic = new String(bodyBuffer.array(), FIXED_BODY, topicLength, StandardCharsets.UTF_8);
                byte[] payload = Arrays.copyOfRange(bodyBuffer.array(), FIXED_BODY + topicLength, body);
                long next = position + HEADER + body;
                Entry entry =
                        new Entry(position, next, Instant.ofEpochMilli(receivedAt), topic, payload, payloadLength);
                position = next;
                return entry;
            }
            return null;
        }

        /** Goes back to {@code position} (a record boundary), e.g. to send again what Kafka refused. */
        public void seek(long position) throws IOException {
            close();
            this.position = position;
        }

        private void openAt(long base) throws IOException {
            close();
            channel = FileChannel.open(segment(base), StandardOpenOption.READ);
            channelBase = base;
        }

        private void readFully(ByteBuffer buffer, long offset) throws IOException {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException("ingest journal: unexpected end of segment at " + (channelBase + offset));
                }
            }
            buffer.flip();
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
                channelBase = -1;
            }
        }
    }

    private long baseOf(long position) {
        long found = -1;
        for (long base : segmentBases()) {
            if (base <= position) {
                found = base;
            }
        }
        if (found < 0) {
            throw new UncheckedIOException(new IOException(
                    "ingest journal: no segment holds position " + position + " (deleted before it was confirmed?)"));
        }
        return found;
    }

    private void openSegment(long base) throws IOException {
        active = FileChannel.open(
                segment(base), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        activeBase = base;
    }

    private Path segment(long base) {
        return dir.resolve(String.format("%020d%s", base, SUFFIX));
    }

    private List<Long> segmentBases() {
        try (Stream<Path> files = Files.list(dir)) {
            List<Long> bases = new ArrayList<>();
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX))
                    .forEach(name -> bases.add(Long.parseLong(name.substring(0, name.length() - SUFFIX.length()))));
            bases.sort(null);
            return bases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OptionalLong readCheckpoint() throws IOException {
        if (!Files.exists(checkpointFile)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(Files.readString(checkpointFile).trim()));
    }

    /** Length of the prefix of a segment made of whole, intact records. */
    private static long validLength(Path segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = channel.size();
            long offset = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (offset + HEADER <= size) {
                header.clear();
                channel.read(header, offset);
                int body = header.getInt(0);
                if (body < FIXED_BODY || offset + HEADER + body > size) {
                    break;
                }
                ByteBuffer bodyBuffer = ByteBuffer.allocate(body);
                int read = 0;
                while (read < body) {
                    int n = channel.read(bodyBuffer, offset + HEADER + read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                CRC32C crc = new CRC32C();
                crc.update(bodyBuffer.array(), 0, body);
                if ((int) crc.getValue() != header.getInt(4)) {
                    break;
                }
                offset += HEADER + body;
            }
            return offset;
        }
    }
}
