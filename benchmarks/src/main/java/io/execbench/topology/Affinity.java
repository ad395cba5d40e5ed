package io.execbench.topology;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU affinity of the calling thread through Linux {@code sched_setaffinity(2)} and {@code sched_getaffinity(2)},
 * called with the Foreign Function &amp; Memory API: libc's symbols through {@link Linker#nativeLinker()}, no native
 * library to ship. Pid 0 in both calls means the calling thread, so each worker thread pins itself.
 *
 * <p>Nothing here throws for a platform reason: on another OS, without the symbols, or when the kernel refuses
 * (a CPU outside the cgroup's cpuset, EPERM, EINVAL), the answer is a {@link Result} whose {@code failure} reads
 * {@code "pinning unavailable: <reason>"}.
 *
 * <p>The JDK warns once when a restricted method (the downcall) is first used; run the JVM with
 * {@code --enable-native-access=ALL-UNNAMED} to silence it.
 */
public final class Affinity {

    /** The prefix of every failure message. */
    public static final String UNAVAILABLE = "pinning unavailable: ";

    // glibc's cpu_set_t is 1024 bits; the kernel may have more CPU ids, so the mask grows on EINVAL up to this.
    private static final int FIRST_MASK_BYTES = 128;
    private static final int MAX_MASK_BYTES = 1 << 16;
    private static final int EINVAL = 22;

    /**
     * What a call gave: the thread's CPUs after it, or why it failed.
     *
     * @param cpus    the CPUs the calling thread may run on (empty on failure)
     * @param failure {@code "pinning unavailable: <reason>"}, or null on success
     */
    public record Result(Optional<List<Integer>> cpus, String failure) {
        public boolean ok() {
            return failure == null;
        }

        static Result failed(String reason) {
            return new Result(Optional.empty(), UNAVAILABLE + reason);
        }
    }

    private static final Native NATIVE = Native.load();

    private Affinity() {
    }

    /** Null when pinning may work here; otherwise why it cannot (not Linux, no libc symbol). */
    public static String unavailableReason() {
        return NATIVE.reason == null ? null : UNAVAILABLE + NATIVE.reason;
    }

    /** The CPUs the calling thread may run on ({@code sched_getaffinity(0, ...)}). */
    public static Result currentThreadCpus() {
        if (NATIVE.reason != null) {
            return Result.failed(NATIVE.reason);
        }
        try (Arena arena = Arena.ofConfined()) {
            for (int bytes = FIRST_MASK_BYTES; bytes <= MAX_MASK_BYTES; bytes *= 2) {
                MemorySegment mask = arena.allocate(bytes, 8);
                MemorySegment state = arena.allocate(NATIVE.callState);
                int rc = (int) NATIVE.getAffinity.invokeExact(state, 0, (long) bytes, mask);
                if (rc == 0) {
                    return new Result(Optional.of(cpusOf(mask)), null);
                }
                int errno = NATIVE.errno(state);
                if (errno != EINVAL) {
                    return Result.failed("sched_getaffinity failed, errno " + errno);
                }
            }
            return Result.failed("sched_getaffinity: more than " + MAX_MASK_BYTES * 8 + " CPU ids");
        } catch (Throwable e) {
            return Result.failed("sched_getaffinity: " + e);
        }
    }

    /**
     * Restricts the calling thread to {@code cpus} ({@code sched_setaffinity(0, ...)}), then reads the mask back.
     * The kernel moves the thread off a CPU outside the set before this returns.
     */
    public static Result pinCurrentThread(Collection<Integer> cpus) {
        if (NATIVE.reason != null) {
            return Result.failed(NATIVE.reason);
        }
        if (cpus.isEmpty()) {
            return Result.failed("no CPU given");
        }
        int highest = cpus.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (cpus.stream().anyMatch(cpu -> cpu < 0) || highest >= MAX_MASK_BYTES * 8) {
            return Result.failed("CPU ids out of range: " + cpus);
        }
        int bytes = Math.max(FIRST_MASK_BYTES, (highest / 64 + 1) * 8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(bytes, 8);
            for (int cpu : cpus) {
                long word = mask.getAtIndex(ValueLayout.JAVA_LONG, cpu / 64);
                mask.setAtIndex(ValueLayout.JAVA_LONG, cpu / 64, word | (1L << (cpu % 64)));
            }
            MemorySegment state = arena.allocate(NATIVE.callState);
            int rc = (int) NATIVE.setAffinity.invokeExact(state, 0, (long) bytes, mask);
            if (rc != 0) {
                return Result.failed("sched_setaffinity(" + CpuList.format(List.copyOf(cpus)) + ") failed, errno "
                        + NATIVE.errno(state));
            }
        } catch (Throwable e) {
            return Result.failed("sched_setaffinity: " + e);
        }
        return currentThreadCpus();
    }

    private static List<Integer> cpusOf(MemorySegment mask) {
        List<Integer> cpus = new ArrayList<>();
        long words = mask.byteSize() / 8;
        for (int w = 0; w < words; w++) {
            long word = mask.getAtIndex(ValueLayout.JAVA_LONG, w);
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                cpus.add(w * 64 + bit);
                word &= word - 1;
            }
        }
        return List.copyOf(cpus);
    }

    /** The two downcalls, with errno captured right after each call; or why they could not be bound. */
    private record Native(MethodHandle getAffinity, MethodHandle setAffinity, StructLayout callState,
                          VarHandle errnoHandle, String reason) {

        static Native load() {
            String os = System.getProperty("os.name", "unknown");
            if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
                return unavailable("not Linux (" + os + ")");
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                Linker.Option errno = Linker.Option.captureCallState("errno");
                StructLayout callState = Linker.Option.captureStateLayout();
                // int sched_xetaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask)
                FunctionDescriptor signature = FunctionDescriptor.of(ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
                Optional<MemorySegment> get = libc.find("sched_getaffinity");
                Optional<MemorySegment> set = libc.find("sched_setaffinity");
                if (get.isEmpty() || set.isEmpty()) {
                    return unavailable("libc has no sched_getaffinity/sched_setaffinity");
                }
                VarHandle errnoHandle = callState.varHandle(StructLayout.PathElement.groupElement("errno"));
                return new Native(linker.downcallHandle(get.get(), signature, errno),
                        linker.downcallHandle(set.get(), signature, errno), callState, errnoHandle, null);
            } catch (RuntimeException | LinkageError e) {
                return unavailable("cannot bind libc: " + e);
            }
        }

        static Native unavailable(String reason) {
            return new Native(null, null, null, null, reason);
        }

        int errno(MemorySegment state) {
            return (int) errnoHandle.get(state, 0L);
        }
    }
}
