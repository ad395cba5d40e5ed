package io.execbench.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What one process holds, as Linux reports it under {@code /proc/<pid>}: resident and proportional memory from
 * {@code smaps_rollup} (the sum of {@code smaps} over every mapping, one read), its threads from {@code status}, and its
 * memory mappings (lines of {@code maps}, what {@code vm.max_map_count} limits).
 *
 * <p>RSS counts every resident page the process maps, shared ones in full; PSS divides each shared page by the number
 * of processes mapping it, so the PSS of several JVMs sums to the memory they really occupy (libjvm.so, the CDS archive
 * and the modules image are shared). Neither counts kernel memory: a thread's kernel stack and task struct are not in
 * either figure.
 *
 * @param rssBytes  {@code Rss:} of smaps_rollup
 * @param pssBytes  {@code Pss:} of smaps_rollup
 * @param threads   {@code Threads:} of status
 * @param mappings  lines of maps
 */
public record ProcFootprint(long rssBytes, long pssBytes, long threads, long mappings) {

    /** Nothing: the start of a sum. */
    public static final ProcFootprint NONE = new ProcFootprint(0, 0, 0, 0);

    /** Reads {@code /proc/<pid>}. */
    public static ProcFootprint of(long pid) {
        return of(Path.of("/proc", Long.toString(pid)));
    }

    /** Reads a process folder of /proc (or a copy of one, in tests). */
    static ProcFootprint of(Path procPid) {
        Path rollup = procPid.resolve("smaps_rollup");
        try {
            String smaps = read(rollup);
            long threads = kilobytesOrCount(read(procPid.resolve("status")), "Threads:");
            long mappings;
            try (Stream<String> lines = Files.lines(procPid.resolve("maps"))) {
                mappings = lines.count();
            }
            return new ProcFootprint(kilobytesOrCount(smaps, "Rss:") * 1024, kilobytesOrCount(smaps, "Pss:") * 1024,
                    threads, mappings);
        } catch (IOException e) {
            throw new UncheckedIOException(procPid + ": cannot read the process's memory: " + e.getMessage(), e);
        }
    }

    /**
     * The whole of a /proc or /sys file. Not {@code Files.readString}: it sizes its read by the file's length, which
     * these files report as 0 or 4096, and on some kernels it returned the first byte of {@code threads-max} only.
     */
    static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** This and {@code other} together: several processes' figures summed. */
    public ProcFootprint plus(ProcFootprint other) {
        return new ProcFootprint(rssBytes + other.rssBytes, pssBytes + other.pssBytes, threads + other.threads,
                mappings + other.mappings);
    }

    /**
     * The number after {@code field} at the start of a line ({@code Rss:    1752 kB} gives 1752), as smaps_rollup
     * and status write it.
     *
     * @throws IllegalArgumentException when no line holds the field: a kernel without it must not read as zero
     */
    static long kilobytesOrCount(String text, String field) {
        for (String line : text.split("\n")) {
            if (line.startsWith(field)) {
                String[] words = line.substring(field.length()).trim().split("\\s+");
                return Long.parseLong(words[0]);
            }
        }
        throw new IllegalArgumentException("no '" + field + "' line");
    }
}
