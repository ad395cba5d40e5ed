package io.execbench.ipc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Linux futex(2) on a 32-bit word in shared memory, through the Foreign Function &amp; Memory API: how a ring waiter
 * sleeps until the other side, in this process or another one mapping the same file, wakes it. The shared
 * (non-private) operations are used, since the word may be mapped by two processes.
 *
 * <p>Where futex is unavailable (not Linux, unknown architecture, no libc {@code syscall}) {@link #await} parks
 * for its timeout instead and {@link #wake} does nothing: still correct, since every waiter re-checks its
 * condition after each wait, only slower to wake.
 */
final class Futex {

    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final MethodHandle SYSCALL;
    private static final long SYS_FUTEX;
    private static final String UNAVAILABLE;

    static {
        MethodHandle handle = null;
        long number = -1;
        String reason = null;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux")) {
            reason = "not Linux";
        } else if (arch.equals("amd64") || arch.equals("x86_64")) {
            number = 202;
        } else if (arch.equals("aarch64")) {
            number = 98;
        } else {
            reason = "no futex syscall number known for " + arch;
        }
        if (reason == null) {
            try {
                Linker linker = Linker.nativeLinker();
                Optional<MemorySegment> syscall = linker.defaultLookup().find("syscall");
                if (syscall.isEmpty()) {
                    reason = "libc has no syscall()";
                } else {
                    // long syscall(long number, ...): here (int *uaddr, int op, int val, struct timespec *timeout)
                    handle = linker.downcallHandle(syscall.get(), FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                                    ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                            Linker.Option.firstVariadicArg(1));
                }
            } catch (RuntimeException | LinkageError e) {
                reason = "cannot bind libc: " + e;
            }
        }
        SYSCALL = reason == null ? handle : null;
        SYS_FUTEX = number;
        UNAVAILABLE = reason;
    }

    /** A relative timeout for {@link #await}, made once per waiter so that waiting allocates nothing. */
    static MemorySegment timeout(long nanos) {
        MemorySegment timespec = Arena.ofAuto().allocate(16, 8);
        timespec.set(ValueLayout.JAVA_LONG, 0, nanos / 1_000_000_000L);
        timespec.set(ValueLayout.JAVA_LONG, 8, nanos % 1_000_000_000L);
        return timespec;
    }

    private Futex() {
    }

    /** Null when futex works here, else why not. */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    /**
     * Sleeps while {@code word} holds {@code expected}, until woken or {@code timeout} (from {@link #timeout}) passes.
     * Returns at once if the word already differs. Spurious returns are possible: callers re-check.
     */
    static void await(MemorySegment word, int expected, MemorySegment timeout) {
        if (SYSCALL == null) {
            long sec = timeout.get(ValueLayout.JAVA_LONG, 0);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(sec) + timeout.get(ValueLayout.JAVA_LONG, 8));
            return;
        }
        try {
            long ignored = (long) SYSCALL.invokeExact(SYS_FUTEX, word, FUTEX_WAIT, expected, timeout);
        } catch (Throwable e) {
            throw new IllegalStateException("futex wait failed: " + e, e);
        }
    }

    /** Wakes every waiter sleeping on {@code word}. */
    static void wake(MemorySegment word) {
        if (SYSCALL == null) {
            return;
        }
        try {
            long ignored = (long) SYSCALL.invokeExact(SYS_FUTEX, word, FUTEX_WAKE, Integer.MAX_VALUE,
                    MemorySegment.NULL);
        } catch (Throwable e) {
            throw new IllegalStateException("futex wake failed: " + e, e);
        }
    }
}
