package io.execbench.loadgen;

import io.execbench.topology.Affinity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP/1.1 load generator for the server under load: open loop at a constant rate and corrected for coordinated
 * omission (wrk2's idea), or closed loop (ab's way) for the cross-check.
 *
 * <p>Why open loop: a closed-loop client waits for each reply before sending the next request, so when the server
 * stalls for a second it simply stops sending and records one slow request per connection; the thousands of users
 * who would have arrived during that second, and waited, are never recorded. That is coordinated omission: the
 * client coordinates with the server to omit the bad samples. Here every request has an intended send time on a
 * fixed schedule, {@code start + i / rate}, and its latency is the reply's completion minus that time, so a stall is
 * charged to every request it delayed ({@code CoordinatedOmissionTest} proves it against a stalling server).
 *
 * <p>One thread, named {@value #THREAD_NAME}, runs every connection through one selector ({@link LoadLoop}); it is
 * pinned to {@link LoadSpec#cpus()} when asked, and its CPU time is measured with {@link ThreadMXBean}, so the report
 * can say what load generation cost the machine the server shared.
 */
public final class LoadGenerator {

    /**
     * The length of one interval of the results (and one line per route in the {@code .hlog}): short enough that a
     * one-second step gives ten p99s, the repeated values an interval of a ratio is computed from (with four, a
     * 99.9% t interval is 13 standard errors wide and decides nothing).
     */
    public static final long INTERVAL_MS = 100;
    static final String THREAD_NAME = "execbench-loadgen";
    /** How long an interrupted run is given to close its sockets before {@link #run} gives up waiting for it. */
    private static final long STOP_WAIT_MS = 5_000;

    private LoadGenerator() {
    }

    /**
     * Runs {@code spec} to the end: at most {@code warmupMs + durationMs + timeoutMs} after the connections are up
     * (set-up is itself bounded by the timeout), whatever the server does, and with every socket closed on return.
     *
     * @throws InterruptedException when interrupted; the run stops, its sockets are closed, and no result is returned
     * @throws UncheckedIOException when no selector could be opened (out of file descriptors)
     */
    public static LoadResult run(LoadSpec spec) throws InterruptedException {
        AtomicReference<LoadResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread generator = new Thread(() -> {
            try {
                result.set(runHere(spec));
            } catch (InterruptedException e) {
                failure.set(e); // the caller was interrupted and asked us to stop: it reports that
            } catch (IOException e) {
                failure.set(new UncheckedIOException("load generator against " + spec.host() + ":" + spec.port()
                        + ": " + e.getMessage(), e));
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, THREAD_NAME);
        generator.setDaemon(true); // never keeps a JVM alive; run() itself waits for it
        generator.start();
        try {
            generator.join();
        } catch (InterruptedException e) {
            generator.interrupt();
            generator.join(STOP_WAIT_MS); // interrupted again here: give up waiting, the thread still ends shortly
            throw e;
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException("load generator stopped: " + thrown, thrown);
        }
        return result.get();
    }

    private static LoadResult runHere(LoadSpec spec) throws InterruptedException, IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        if (cpuTimed && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        String pinning = null;
        if (!spec.cpus().isEmpty()) {
            Affinity.Result pinned = Affinity.pinCurrentThread(spec.cpus());
            pinning = pinned.ok() ? null : pinned.failure(); // reported, not fatal: the run goes on unpinned
        }
        long cpuStartNs = cpuTimed ? threads.getCurrentThreadCpuTime() : -1;
        long wallStartNs = System.nanoTime();
        try (LoadLoop loop = new LoadLoop(spec)) {
            loop.run();
            long wallNs = System.nanoTime() - wallStartNs;
            long wakerNs = loop.wakerCpuNs();
            long cpuNs = cpuTimed && wakerNs >= 0 ? threads.getCurrentThreadCpuTime() - cpuStartNs + wakerNs : -1;
            return loop.result(cpuNs, wallNs, pinning);
        }
    }
}
