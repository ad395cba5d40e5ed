package io.execbench.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * method, mode and {@code @Param} combination, filtered by the user's include pattern; {@code auto} values and the
 * combinations a profile runs come from the benchmark class when it is an {@link AutoParams}.
 *
 * <p>The {@code selftest} package holds deliberately failing benchmarks; it is planned only when the pattern names
 * it, so that {@code .*} never fails a real run.
 */
public final class BenchmarkPlan {

    static final String SELFTEST_PACKAGE = "io.execbench.selftest.";
    /** A {@code @Param} value meaning: ask the benchmark class for this machine's values ({@link AutoParams}). */
    public static final String AUTO = AutoParams.AUTO;
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
            Optional<AutoParams> suite = suite(entry.getUserClassQName());
            Map<String, String[]> declared = resolveAuto(entry.getUserClassQName(), suite,
                    entry.getParams().orElse(Map.of()), profile);
            for (SequencedMap<String, String> params : crossProduct(declared)) {
                if (suite.map(s -> s.planned(params, profile)).orElse(true)) {
                    plan.add(new PlannedBenchmark(name, entry.getMode(), params));
                }
            }
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches --include '" + includeRegex + "'");
        }
        plan.sort(BenchmarkPlan::compare);
        return List.copyOf(plan);
    }

    /** The include pattern, or the one sentence saying why it is not one. */
    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--include '" + regex + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    /**
     * Replaces a parameter declared as {@code @Param("auto")} by the values the benchmark class, an
     * {@link AutoParams}, gives for this machine and profile.
     */
    static Map<String, String[]> resolveAuto(String benchmarkClass, Optional<AutoParams> suite,
                                             Map<String, String[]> declared, Profile profile) {
        Map<String, String[]> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> param : declared.entrySet()) {
            String[] values = param.getValue();
            if (values.length == 1 && AUTO.equals(values[0])) {
                String where = benchmarkClass + ".values(\"" + param.getKey() + "\", " + profile.label() + ")";
                List<String> auto = suite.orElseThrow(() -> new IllegalStateException("@Param(\"auto\") "
                        + param.getKey() + " needs " + benchmarkClass + " to implement "
                        + AutoParams.class.getSimpleName())).values(param.getKey(), profile);
                if (auto == null || auto.isEmpty()) {
                    throw new IllegalStateException(where + " returned no values");
                }
                values = auto.toArray(String[]::new);
            }
            resolved.put(param.getKey(), values);
        }
        return resolved;
    }

    /** The benchmark class as an {@link AutoParams}, when it is one (JMH instantiates it the same way). */
    static Optional<AutoParams> suite(String benchmarkClass) {
        try {
            Class<?> type = Class.forName(benchmarkClass);
            if (!AutoParams.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            return Optional.of((AutoParams) type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(benchmarkClass + ": cannot instantiate it to ask its "
                    + AutoParams.class.getSimpleName() + ": " + e, e);
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
