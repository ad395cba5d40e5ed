package io.execbench.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Expands the benchmarks JMH generated (its {@code META-INF/BenchmarkList}) into one {@link PlannedBenchmark} per
 * method, mode and {@code @Param} combination, filtered by the user's include pattern.
 *
 * <p>The {@code selftest} package holds deliberately failing benchmarks; it is planned only when the pattern names
 * it, so that {@code .*} never fails a real run.
 */
public final class BenchmarkPlan {

    static final String SELFTEST_PACKAGE = "io.execbench.selftest.";
    /** A {@code @Param} value meaning: ask the benchmark class for this machine's values. */
    public static final String AUTO = "auto";
    private static final OutputFormat SILENT =
            OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);

    private BenchmarkPlan() {
    }

    /**
     * Plans every benchmark whose full name matches {@code includeRegex} somewhere (as JMH's own include does).
     *
     * @throws IllegalArgumentException when the pattern is invalid or matches nothing
     */
    public static List<PlannedBenchmark> of(String includeRegex, Profile profile) {
        Pattern include = compile(includeRegex);
        boolean selftestWanted = includeRegex.contains("selftest");
        List<PlannedBenchmark> plan = new ArrayList<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(SILENT, List.of())) {
            String name = entry.getUsername();
            if (!include.matcher(name).find() || (name.startsWith(SELFTEST_PACKAGE) && !selftestWanted)) {
                continue;
            }
            Map<String, String[]> declared = resolveAuto(entry.getUserClassQName(), entry.getParams().orElse(Map.of()),
                    profile);
            for (SequencedMap<String, String> params : crossProduct(declared)) {
                plan.add(new PlannedBenchmark(name, entry.getMode(), params));
            }
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches --include '" + includeRegex + "'");
        }
        plan.sort(BenchmarkPlan::compare);
        return List.copyOf(plan);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--include '" + regex + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    /**
     * Replaces a parameter declared as {@code @Param("auto")} by the values the benchmark class computes for this
     * machine and profile, from its {@code public static List<String> autoValues(String param, String profile)}:
     * a sweep over thread counts must follow the CPUs of the machine it runs on, and fit the profile's budget,
     * which an annotation cannot know.
     */
    static Map<String, String[]> resolveAuto(String benchmarkClass, Map<String, String[]> declared,
                                             Profile profile) {
        Map<String, String[]> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> param : declared.entrySet()) {
            String[] values = param.getValue();
            if (values.length == 1 && AUTO.equals(values[0])) {
                values = autoValues(benchmarkClass, param.getKey(), profile).toArray(String[]::new);
            }
            resolved.put(param.getKey(), values);
        }
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static List<String> autoValues(String benchmarkClass, String param, Profile profile) {
        String where = benchmarkClass + ".autoValues(\"" + param + "\", \"" + profile.label() + "\")";
        try {
            Object values = Class.forName(benchmarkClass).getMethod("autoValues", String.class, String.class)
                    .invoke(null, param, profile.label());
            if (!(values instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalStateException(where + " returned no values");
            }
            return (List<String>) list;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("@Param(\"auto\") " + param + " needs " + where + ": " + e, e);
        }
    }

    /** Every combination of parameter values, varying the last-declared parameter fastest (JMH's order). */
    static List<SequencedMap<String, String>> crossProduct(Map<String, String[]> declared) {
        List<SequencedMap<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, String[]> param : declared.entrySet()) {
            List<SequencedMap<String, String>> extended = new ArrayList<>();
            for (SequencedMap<String, String> prefix : combinations) {
                for (String value : param.getValue()) {
                    SequencedMap<String, String> next = new LinkedHashMap<>(prefix);
                    next.put(param.getKey(), value);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        return combinations;
    }

    private static int compare(PlannedBenchmark a, PlannedBenchmark b) {
        int byName = a.benchmark().compareTo(b.benchmark());
        if (byName != 0) {
            return byName;
        }
        return a.mode().compareTo(b.mode());
        // Within one method the cross-product order is kept (List.sort is stable).
    }
}
