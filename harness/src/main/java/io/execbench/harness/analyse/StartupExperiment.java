package io.execbench.harness.analyse;

import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Ratio;
import io.execbench.harness.stats.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The cost of starting a process, side by side: every launch of {@code ProcessLaunchBenchmark} (a native program or
 * a JVM, directly or through {@code /bin/sh -c}, per launch mechanism, until its first byte or its exit, beside a
 * platform thread's start and join) and every first reply of {@code ProcessStartupBenchmark} (a worker JVM answering
 * its first task over a pipe or a Unix socket, per class-data sharing variant); then the break-even of
 * spawn-per-task: how many tasks of each kernel size measured by {@code KernelBenchmark.run} one start-up costs.
 *
 * <p>Times are JMH's means with their 99.9% intervals (cut at zero), in milliseconds; p50 and p99 come from JMH's percentiles
 * (SampleTime and SingleShotTime both record them). Tasks per start-up is start-up time over task time, a ratio of two
 * independent estimates with {@link Ratio}'s interval.
 *
 * @param launches   one per start-up result, cheapest first
 * @param tasks      the kernel task times the break-even is read against, by kernel then size
 * @param compared   the start-ups the break-even is given for: the cheapest of each kind (a native program, a JVM,
 *                   a worker JVM to its first reply)
 * @param breakEvens one per compared start-up and task
 */
public record StartupExperiment(List<Launch> launches, List<Task> tasks, List<Launch> compared,
                                List<BreakEven> breakEvens) {

    static final String LAUNCH = "ProcessLaunchBenchmark";
    static final String STARTUP = "ProcessStartupBenchmark";
    static final String KERNEL = "KernelBenchmark.run";
    static final String THREAD = "platform thread";
    static final String NATIVE = "native";
    static final String JVM = "jvm";
    static final String WORKER = "worker JVM";
    /** The JDK's launch mechanism when none is set: left unnamed on a chart's axis. */
    static final String DEFAULT_MECHANISM = "POSIX_SPAWN";

    public StartupExperiment {
        launches = List.copyOf(launches);
        tasks = List.copyOf(tasks);
        compared = List.copyOf(compared);
        breakEvens = List.copyOf(breakEvens);
    }

    /**
     * One kind of start-up.
     *
     * @param subject what is started and how, e.g. {@code native, direct, POSIX_SPAWN} or {@code worker JVM, CDS
     *                default}
     * @param kind    {@code native}, {@code jvm}, {@code worker JVM} or {@code platform thread}
     * @param category the subject in a few short words, for a chart's axis: the default launch mechanism unnamed
     * @param until   up to what it is timed: {@code first byte}, {@code exit}, {@code first reply over pipe}, ...
     * @param ms      the mean time, ms, with JMH's 99.9% interval
     * @param p50Ms   the median, ms, NaN when JMH recorded no percentiles
     * @param p99Ms   the 99th percentile, ms, NaN when none
     * @param samples launches the mean rests on
     */
    public record Launch(String subject, String kind, String category, String until, Estimate ms, double p50Ms, double p99Ms, long samples,
                         BenchmarkResult result) {

        public String label() {
            return subject + ": " + until;
        }
    }

    /** One kernel task: {@code kernel} with {@code workUnits}, its mean time in ns with JMH's interval. */
    public record Task(String kernel, long workUnits, Estimate ns, BenchmarkResult result) {

        public String label() {
            return kernel + " x " + workUnits;
        }
    }

    /** How many {@code task}s one {@code launch} costs, with {@link Ratio}'s 99.9% interval. */
    public record BreakEven(Launch launch, Task task, Estimate tasks) {
    }

    public boolean isEmpty() {
        return launches.isEmpty();
    }

    public static StartupExperiment of(List<BenchmarkResult> results) {
        List<Launch> launches = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (BenchmarkResult result : results) {
            String name = result.benchmark();
            OptionalDouble nanos = Units.nanosPer(result.primaryMetric().scoreUnit());
            if (nanos.isEmpty() || !(result.primaryMetric().score() > 0)) {
                continue; // a throughput, or no score: not a time this experiment can read
            }
            if (name.contains("." + LAUNCH + ".") || name.endsWith("." + STARTUP + ".firstReply")) {
                launches.add(launch(result, nanos.getAsDouble()));
            } else if (name.endsWith("." + KERNEL)) {
                Long units = Scores.positiveLong(result.params(), "workUnits");
                String kernel = result.params().get("kernel");
                if (units != null && units > 0 && kernel != null) {
                    tasks.add(new Task(kernel, units, atLeastZero(Scores.estimate(result.primaryMetric(),
                            nanos.getAsDouble())), result));
                }
            }
        }
        if (launches.isEmpty()) {
            return new StartupExperiment(List.of(), List.of(), List.of(), List.of());
        }
        launches.sort(Comparator.comparingDouble(l -> l.ms().value()));
        tasks.sort(Comparator.comparing(Task::kernel).thenComparingLong(Task::workUnits));
        List<Launch> compared = new ArrayList<>();
        for (String kind : List.of(NATIVE, JVM, WORKER)) {
            launches.stream().filter(l -> l.kind().equals(kind)).findFirst().ifPresent(compared::add);
        }
        List<BreakEven> breakEvens = new ArrayList<>();
        for (Task task : tasks) {
            for (Launch launch : compared) {
                breakEvens.add(new BreakEven(launch, task, tasksPerStartup(launch, task)));
            }
        }
        return new StartupExperiment(launches, tasks, compared, breakEvens);
    }

    /** The break-even of {@code launch} for {@code task}, if computed. */
    public java.util.Optional<BreakEven> breakEven(Launch launch, Task task) {
        return breakEvens.stream().filter(b -> b.launch() == launch && b.task() == task).findFirst();
    }

    private static Launch launch(BenchmarkResult result, double nanosPerUnit) {
        Metric metric = result.primaryMetric();
        double toMs = nanosPerUnit / 1e6;
        Estimate ms = atLeastZero(Scores.estimate(metric, toMs));
        return new Launch(subject(result), kind(result), category(result), until(result), ms,
                percentile(metric, "50.0") * toMs, percentile(metric, "99.0") * toMs, metric.sampleCount(), result);
    }

    /**
     * JMH's interval is symmetric; on a few skewed samples (JVM starts in a smoke run) it reaches below zero, where
     * no time lies: cut at zero, as the charts cut a whisker at the axis.
     */
    private static Estimate atLeastZero(Estimate time) {
        return time.hasInterval() && time.low() < 0 ? new Estimate(time.value(), 0, time.high(), time.confidence())
                : time;
    }

    private static String subject(BenchmarkResult result) {
        Map<String, String> p = result.params();
        if (result.benchmark().endsWith(".firstReply")) {
            return "worker JVM, CDS " + Objects.requireNonNullElse(p.get("cds"), "?");
        }
        if (result.benchmark().endsWith(".baseline")) {
            return THREAD;
        }
        return String.join(", ", Objects.requireNonNullElse(p.get("program"), "?"),
                Objects.requireNonNullElse(p.get("launch"), "?"), Objects.requireNonNullElse(p.get("mechanism"), "?"));
    }

    private static String kind(BenchmarkResult result) {
        if (result.benchmark().endsWith(".firstReply")) {
            return WORKER;
        }
        if (result.benchmark().endsWith(".baseline")) {
            return THREAD;
        }
        return Objects.requireNonNullElse(result.params().get("program"), "?");
    }

    private static String category(BenchmarkResult result) {
        Map<String, String> p = result.params();
        return switch (kind(result)) {
            case WORKER -> "worker, CDS " + Objects.requireNonNullElse(p.get("cds"), "?");
            case THREAD -> "thread";
            default -> {
                String mechanism = p.get("mechanism");
                yield kind(result) + " " + Objects.requireNonNullElse(p.get("launch"), "?")
                        + (mechanism == null || mechanism.equals(DEFAULT_MECHANISM) ? "" : " " + mechanism);
            }
        };
    }

    private static String until(BenchmarkResult result) {
        String method = result.benchmark().substring(result.benchmark().lastIndexOf('.') + 1);
        if (method.equals("launch")) {
            method = Objects.requireNonNullElse(result.params().get("until"), method);
        }
        return switch (method) {
            case "firstReply" -> "first reply over " + Objects.requireNonNullElse(result.params().get("channel"),
                    "pipe");
            case "firstByte" -> "first byte";
            case "exit" -> "exit";
            case "baseline" -> "start + join";
            default -> method;
        };
    }

    private static double percentile(Metric metric, String key) {
        Double value = metric.scorePercentiles().get(key);
        return value == null ? Double.NaN : value;
    }

    /** Start-up time over task time, both read as ns, with {@link Ratio}'s interval. */
    private static Estimate tasksPerStartup(Launch launch, Task task) {
        Estimate ratio = Ratio.of(Ratio.Side.of(launch.result().primaryMetric()),
                Ratio.Side.of(task.result().primaryMetric()));
        // the two scores may be in different units (us/op against ns/op): rescale to the ratio of nanoseconds
        double nanos = launch.ms().value() * 1e6 / task.ns().value();
        return ratio.dividedBy(ratio.value() / nanos);
    }
}
