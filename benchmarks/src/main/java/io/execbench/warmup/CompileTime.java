package io.execbench.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/** This JVM's total JIT compilation time, the signal that its compiler has gone quiet. */
public final class CompileTime {

    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

    private CompileTime() {
    }

    /** Milliseconds spent compiling so far, or -1 when this JVM does not monitor it. */
    public static long millis() {
        return COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported()
                ? COMPILER.getTotalCompilationTime() : -1;
    }
}
