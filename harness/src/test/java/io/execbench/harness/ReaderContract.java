package io.execbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.read.RunReadException;
import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every reader of a results file promises for untrusted input (design.md, "Untrusted input"), checked by the
 * {@code *FuzzTest} classes for whatever bytes Jazzer gives them: the reader returns a value or throws
 * {@link RunReadException} naming the file, within {@link #TIME_LIMIT} and {@link #MAX_ALLOCATED_BYTES}. Anything
 * else it throws (NullPointerException, NumberFormatException, OutOfMemoryError...) is rethrown as it is, which
 * Jazzer reports as a finding, deduplicated by its stack.
 */
public final class ReaderContract {

    /**
     * Allocation allowed for one read of a fuzz input (a few KB). The seeds, real files, need under 2 MB once the
     * classes are loaded; one hostile {@code .hlog} line of 84 bytes made HdrHistogram allocate tens of MB (issue 13),
     * and what a few KB can make a reader allocate, a larger file multiplies.
     */
    public static final long MAX_ALLOCATED_BYTES = 16L << 20;

    /**
     * Time allowed for one read, once its classes are loaded: the seeds take milliseconds. Enforced here rather than by
     * JUnit's {@code @Timeout}, which would also stop Jazzer's whole fuzzing run (one JUnit invocation).
     */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    /** Reads on a thread of its own, so that a read that never ends can be abandoned. */
    private static volatile Thread reading;
    private static ExecutorService readingThread = newReadingThread();

    /** A reader under test: a file or a run folder in, a value or a {@link RunReadException} out. */
    @FunctionalInterface
    public interface Reader {
        Object read(Path path) throws RunReadException;
    }

    private ReaderContract() {
    }

    /**
     * Writes {@code input} to {@code file}, reads {@code path} (the file itself, or the run folder that holds it) and
     * checks the contract; a RunReadException must name {@code file}.
     */
    public static void check(byte[] input, Path file, Path path, Reader reader)
            throws IOException, InterruptedException {
        Files.write(file, input);
        Future<Long> read = readingThread.submit(() -> {
            long allocated = readCountingAllocation(file, path, reader);
            // The first read in a JVM also loads and initialises the reader's classes (Jackson's alone take 25 MB),
            // and a new code path may load more: only a read that still allocates too much when warm is a finding.
            return allocated <= MAX_ALLOCATED_BYTES ? allocated : readCountingAllocation(file, path, reader);
        });
        long allocated = awaitRead(read, input.length);
        assertThat(allocated).as("bytes allocated reading %d input bytes", input.length)
                .isLessThanOrEqualTo(MAX_ALLOCATED_BYTES);
    }

    private static long awaitRead(Future<Long> read, int inputBytes) throws InterruptedException {
        long classesLoaded = CLASSES.getTotalLoadedClassCount();
        while (true) {
            try {
                return read.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            } catch (TimeoutException e) {
                // A first read loads and instruments hundreds of classes (tens of seconds on a busy machine, when
                // fuzzing): a read is only stuck if it loaded no class in the last TIME_LIMIT.
                long loadedNow = CLASSES.getTotalLoadedClassCount();
                if (loadedNow > classesLoaded) {
                    classesLoaded = loadedNow;
                    continue;
                }
                // Where the read was when time ran out is the finding's stack, by which Jazzer tells findings apart.
                AssertionError tooSlow = new AssertionError("reading " + inputBytes + " bytes took longer than "
                        + TIME_LIMIT);
                tooSlow.setStackTrace(reading.getStackTrace());
                readingThread.shutdownNow(); // a daemon: if the read never ends, it cannot keep the JVM alive
                readingThread = newReadingThread();
                throw tooSlow;
            }
        }
    }

    private static long readCountingAllocation(Path file, Path path, Reader reader) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            reader.read(path);
        } catch (RunReadException e) {
            assertThat(e.path()).as("the file a RunReadException names").isEqualTo(file);
            assertThat(e.getMessage()).as("its message").startsWith(file + ": ");
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** The reader's own exception, with its own stack, for Jazzer to report and deduplicate. */
    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static ExecutorService newReadingThread() {
        return Executors.newSingleThreadExecutor(task -> {
            reading = new Thread(task, "fuzz-read");
            reading.setDaemon(true);
            return reading;
        });
    }
}
