package vn.cantho.ioc.streams.runtime;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB state store in the JVM, whatever the number of stores, partitions and window
 * segments. Without it each store instance has its own 50 MiB block cache and up to three 16 MiB memtables, and a hub
 * has dozens of instances (four applications, every store on every partition, window stores in segments): the
 * resident memory can creep up for hours as the caches fill (the likeliest cause of the native growth the soak of
 * 2026-12-06 measured, docs/benchmarks.md). Here they share one block cache of
 * {@value #TOTAL_MIB} MiB, which also holds the index and filter blocks and is charged with the memtables, bounded at
 * {@value #MEMTABLE_MIB} MiB by a write buffer manager — the pattern Kafka Streams' memory-management guide gives.
 * The stores' data beyond the budget is read from disk (the page cache), so the budget costs little for these small,
 * recent-heavy stores.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long TOTAL_MIB = 96;
    static final long MEMTABLE_MIB = 32;
    private static final long MIB = 1024 * 1024;
    /** One memtable per store instance before it is flushed: small, since the write buffer manager bounds the sum. */
    private static final long WRITE_BUFFER_BYTES = 4 * MIB;

    private static final Cache CACHE;
    private static final WriteBufferManager WRITE_BUFFERS;

    static {
        RocksDB.loadLibrary();
        // High-priority pool of 10 % for index and filter blocks, so data blocks cannot evict them.
        CACHE = new LRUCache(TOTAL_MIB * MIB, -1, false, 0.1);
        WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_MIB * MIB, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the JVM and live as long as it does.
    }
}
