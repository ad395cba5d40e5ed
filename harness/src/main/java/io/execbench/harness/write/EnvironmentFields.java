package io.execbench.harness.write;

import io.execbench.harness.read.RunInfo;
import io.execbench.harness.read.RunInfo.Cpu;
import io.execbench.harness.read.RunInfo.Jvm;
import io.execbench.harness.read.RunInfo.Os;
import io.execbench.harness.read.RunInfo.Profile;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.write.ReportPage.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Environment section and the profile line: where and how a run ran, as labelled text. */
final class EnvironmentFields {

    private static final String UNKNOWN = RunInfo.UNKNOWN;

    private EnvironmentFields() {
    }

    static List<Field> of(RunInfo info) {
        Jvm jvm = info.jvm();
        Os os = info.os();
        Cpu cpu = info.cpu();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("JVM", join(jvm.vendor(), jvm.version())));
        fields.add(new Field("VM", join(jvm.vmName(), jvm.vmVersion())));
        fields.add(new Field("JVM flags", jvm.flags().isEmpty() ? "(none recorded)" : String.join(" ", jvm.flags())));
        fields.add(new Field("JMH", jvm.jmhVersion()));
        fields.add(new Field("OS and kernel", join(os.name(), os.version(), os.arch())));
        fields.add(new Field("Distribution", os.distribution()));
        fields.add(new Field("CPU model", cpu.model()));
        fields.add(new Field("Logical CPUs", text(cpu.logicalCpus())
                + (cpu.availableProcessors() == null ? "" : " (the JVM sees " + cpu.availableProcessors() + ")")));
        fields.add(new Field("CPU frequency governor", cpu.governor()));
        fields.add(new Field("cgroup CPU quota", cpu.cgroupCpuQuota()));
        fields.add(new Field("Last-level cache", bytes(cpu.lastLevelCacheBytes())));
        fields.add(new Field("Git commit", commit(info)));
        fields.add(new Field("Started (UTC)", Numbers.instant(info.startedAt())));
        fields.add(new Field("Ended (UTC)", Numbers.instant(info.endedAt())));
        fields.add(new Field("Duration", Numbers.duration(info.startedAt(), info.endedAt())));
        fields.add(new Field("Benchmarks included", info.include()));
        fields.add(new Field("Machine fingerprint", info.machineFingerprint()));
        for (Map.Entry<String, String> fact : info.workload().entrySet()) {
            fields.add(new Field("Workload: " + fact.getKey(), fact.getValue()));
        }
        return fields;
    }

    /** E.g. {@code quick: 2 forks, warm-up 5 × 1000 ms, measurement 5 × 1000 ms}. */
    static String profile(Profile profile) {
        if (profile.forks() == null && profile.warmupIterations() == null
                && profile.measurementIterations() == null) {
            return profile.name();
        }
        return profile.name() + ": " + text(profile.forks()) + (Integer.valueOf(1).equals(profile.forks())
                ? " fork" : " forks")
                + ", warm-up " + text(profile.warmupIterations()) + " × " + text(profile.warmupTimeMs()) + " ms"
                + ", measurement " + text(profile.measurementIterations()) + " × "
                + text(profile.measurementTimeMs()) + " ms";
    }

    private static String commit(RunInfo info) {
        if (UNKNOWN.equals(info.git().commit())) {
            return UNKNOWN;
        }
        Boolean dirty = info.git().dirty();
        String state = dirty == null ? " (dirty state unknown)"
                : dirty ? " (dirty: tracked files differed from the commit)" : " (clean)";
        return info.git().commit() + state;
    }

    private static String bytes(Long value) {
        if (value == null) {
            return UNKNOWN;
        }
        double mebibytes = value / (1024.0 * 1024.0);
        return value + " bytes" + (mebibytes >= 1 ? " (" + Numbers.format(mebibytes) + " MiB)" : "");
    }

    private static String text(Number value) {
        return value == null ? UNKNOWN : value.toString();
    }

    /** Joins the known parts with spaces; {@code unknown} if none is known. */
    private static String join(String... parts) {
        List<String> known = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank() && !UNKNOWN.equals(part)) {
                known.add(part);
            }
        }
        return known.isEmpty() ? UNKNOWN : String.join(" ", known);
    }
}
