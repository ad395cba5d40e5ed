package com.example.hash;

import io.execbench.api.Workload;
import java.util.SplittableRandom;

/**
 * An example of your own workload: hashing {@code size} bytes of an in-memory buffer with 64-bit FNV-1a, the kind of
 * task a service does per request (a checksum, a cache key, a shard choice). Asks execbench: from how many bytes on
 * is it worth handing the hashing to a pool, virtual threads or worker processes?
 */
public class BufferHashWorkload implements Workload {

    private static final int BUFFER_BYTES = 16 << 20;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private byte[] buffer; // built once per JVM in setUp(), read-only afterwards, so run() is thread-safe

    @Override
    public void setUp() {
        buffer = new byte[BUFFER_BYTES];
        new SplittableRandom(42).nextBytes(buffer); // fixed seed: every JVM holds the same bytes
    }

    @Override
    public long run(long seed, int size) {
        // Where the slice starts depends on the seed, so successive calls hash different bytes.
        int start = (int) Long.remainderUnsigned(seed, BUFFER_BYTES - size + 1);
        long hash = FNV_OFFSET ^ seed;
        for (int i = start; i < start + size; i++) {
            hash ^= buffer[i];
            hash *= FNV_PRIME;
        }
        return hash;
    }

    @Override
    public String sizeUnit() {
        return "bytes hashed";
    }

    @Override
    public int maxSize() {
        return BUFFER_BYTES;
    }
}
