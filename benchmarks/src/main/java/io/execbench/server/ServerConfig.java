package io.execbench.server;

import io.execbench.workload.Kernels;
import java.util.List;

/**
 * How to run one server: the execution model and everything that sizes it. Validated here, so that a bad value fails
 * before any thread, socket or process exists.
 *
 * @param model          one of {@link Servers#MODELS}
 * @param poolSize       threads of the heavy-work pool ({@code loopOffload}) or of the connection pool
 *                       ({@code threadPool}); ignored by the other models
 * @param processes      server JVMs of the {@code processes} model; ignored by the others
 * @param heavyKernel    the kernel {@code GET /heavy} runs, one of {@link Kernels#NAMES}
 * @param heavyWorkUnits its size per request (the driver sizes it to about 10 ms); 0 is allowed
 * @param maxHeaderBytes the most bytes of request line plus headers accepted; more is answered 431
 * @param idleTimeoutMs  a connection that makes no progress this long (idle keep-alive, a stalled request, a client
 *                       that stopped reading) is closed
 * @param cpus           CPUs the server's threads are restricted to; empty for no pinning (failure to pin is a
 *                       warning, never fatal)
 */
public record ServerConfig(String model, int poolSize, int processes, String heavyKernel, int heavyWorkUnits,
                           int maxHeaderBytes, long idleTimeoutMs, List<Integer> cpus) {

    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 10_000;
    /** The smallest header limit: a request line and a Host header must fit. */
    static final int MIN_HEADER_BYTES = 256;
    static final int MAX_HEADER_BYTES = 1 << 20;

    public ServerConfig {
        if (!Servers.MODELS.contains(model)) {
            throw new IllegalArgumentException("unknown server model '" + model + "', expected one of "
                    + Servers.MODELS);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException(model + ": poolSize must be at least 1, was " + poolSize);
        }
        if (processes < 1) {
            throw new IllegalArgumentException(model + ": processes must be at least 1, was " + processes);
        }
        if (!Kernels.NAMES.contains(heavyKernel)) {
            throw new IllegalArgumentException(model + ": unknown heavy kernel '" + heavyKernel
                    + "', expected one of " + Kernels.NAMES);
        }
        if (heavyWorkUnits < 0) {
            throw new IllegalArgumentException(model + ": heavyWorkUnits must not be negative, was "
                    + heavyWorkUnits);
        }
        if (maxHeaderBytes < MIN_HEADER_BYTES || maxHeaderBytes > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException(model + ": maxHeaderBytes must be in " + MIN_HEADER_BYTES + ".."
                    + MAX_HEADER_BYTES + ", was " + maxHeaderBytes);
        }
        if (idleTimeoutMs < 1) {
            throw new IllegalArgumentException(model + ": idleTimeoutMs must be positive, was " + idleTimeoutMs);
        }
        cpus = List.copyOf(cpus);
        if (cpus.stream().anyMatch(cpu -> cpu < 0)) {
            throw new IllegalArgumentException(model + ": CPU ids must not be negative: " + cpus);
        }
    }

    /**
     * {@code model} with the defaults: pool and process count = this machine's CPUs, the alu kernel at 1,000,000
     * units, an 8 KiB header limit, a 10 s idle timeout, no pinning.
     */
    public static ServerConfig defaults(String model) {
        int cpuCount = Runtime.getRuntime().availableProcessors();
        return new ServerConfig(model, cpuCount, cpuCount, "alu", 1_000_000, DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_IDLE_TIMEOUT_MS, List.of());
    }

    /** This config with another heavy size (the driver calibrates it after choosing the rest). */
    public ServerConfig withHeavyWorkUnits(int units) {
        return new ServerConfig(model, poolSize, processes, heavyKernel, units, maxHeaderBytes, idleTimeoutMs, cpus);
    }
}
