package io.execbench.harness.chart;

import io.execbench.harness.analyse.MemoryExperiment;
import io.execbench.harness.analyse.FloorComparison;
import io.execbench.harness.analyse.IpcExperiment;
import io.execbench.harness.analyse.LatencyGroup;
import io.execbench.harness.analyse.ModelExperiment;
import io.execbench.harness.analyse.ScalingExperiment;
import io.execbench.harness.analyse.StartupExperiment;
import io.execbench.harness.chart.XyChart.Axis;
import io.execbench.harness.chart.XyChart.Marker;
import io.execbench.harness.chart.XyChart.Point;
import io.execbench.harness.chart.XyChart.Scale;
import io.execbench.harness.chart.XyChart.Series;
import io.execbench.harness.chart.XyChart.Style;
import io.execbench.harness.stats.CostFit;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.PercentileCurve;
import io.execbench.harness.stats.Speedup;
import io.execbench.harness.stats.TimeScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes each experiment's charts from its analysis: which series, axes, units and reference lines. The numbers
 * come from the analyses unchanged; this only chooses how they are shown.
 */
public final class ExperimentCharts {

    /** Points per fitted curve: smooth at the size shown. */
    private static final int CURVE_POINTS = 60;

    private ExperimentCharts() {
    }

    /**
     * Every start-up's mean time with its interval, one group of bars per thing started (a native program, a JVM, a
     * worker JVM with a CDS variant, a thread), one bar per point it is timed to; log scale, since a thread and a JVM
     * are three decades apart.
     */
    public static GroupedBarChart startup(StartupExperiment startup) {
        List<String> subjects = startup.launches().stream().map(StartupExperiment.Launch::category).distinct()
                .toList();
        List<String> untils = startup.launches().stream().map(StartupExperiment.Launch::until).distinct().sorted()
                .toList();
        List<GroupedBarChart.Bar> bars = startup.launches().stream().map(l -> new GroupedBarChart.Bar(l.until(),
                l.category(), l.ms().value(), l.ms().hasInterval() ? l.ms().high() - l.ms().value() : Double.NaN))
                .toList();
        return new GroupedBarChart("Start-up: launch to first byte, exit or first reply",
                "mean with JMH's 99.9% interval, cheapest first; log scale", "what is started, and how",
                "time (ms, log scale)", true, untils, subjects, bars);
    }

    /** Percentile distributions on the nines axis, one line per series, latency on a log axis. */
    public static XyChart latency(LatencyGroup group, TimeScale scale) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < group.series().size(); i++) {
            LatencyGroup.Series s = group.series().get(i);
            List<Point> points = PercentileCurve.of(s.merged()).stream()
                    .map(p -> Point.of(p.nines(), scale.of(p.valueNs()))).toList();
            series.add(new Series(s.label(), i, Style.LINE, points));
        }
        return new XyChart(group.title() + ": latency by percentile",
                group.source() + "; all forks merged; the line ends at the maximum",
                new Axis("percentile", Scale.NINES), new Axis("latency (" + scale.symbol() + ", log scale)", Scale.LOG),
                series, List.of());
    }

    /** Speedup against threads with intervals, the ideal line, the USL curve and the logical CPUs marked. */
    public static XyChart scaling(ScalingExperiment.Sweep sweep, Integer logicalCpus) {
        List<Series> series = new ArrayList<>();
        int maxThreads = sweep.points().stream().mapToInt(p -> p.threads()).max().orElse(1);
        series.add(new Series("measured speedup", 0, Style.POINTS_WITH_INTERVALS, sweep.speedups().stream()
                .map(p -> interval(p.threads(), p.speedup())).toList()));
        series.add(new Series("ideal (speedup = threads)", 9, Style.DASHED,
                List.of(Point.of(1, 1), Point.of(maxThreads, maxThreads))));
        sweep.usl().ifPresent(fit -> {
            List<Point> curve = new ArrayList<>();
            for (int i = 0; i <= CURVE_POINTS; i++) {
                double n = 1 + (maxThreads - 1) * (double) i / CURVE_POINTS;
                curve.add(Point.of(n, fit.predict(n)));
            }
            series.add(new Series("USL fit", 1, Style.DASHED, curve));
        });
        List<Marker> markers = logicalCpus == null ? List.of()
                : List.of(new Marker(true, logicalCpus, logicalCpus + " logical CPUs"));
        return new XyChart(sweep.benchmark() + ", " + sweep.otherParams() + ": speedup",
                "speedup S(n) = throughput(n) / throughput(1) of " + sweep.unit()
                        + "; whiskers: 99.9% interval (delta method)",
                new Axis("threads", Scale.COUNT), new Axis("speedup (x one thread)", Scale.LINEAR, true), series, markers);
    }

    /** Throughput per model for each task size, whiskers at JMH's interval. */
    public static GroupedBarChart modelThroughput(ModelExperiment.Sweep comparison) {
        List<String> categories = comparison.sizes().stream().map(ExperimentCharts::sizeLabel).toList();
        List<GroupedBarChart.Bar> bars = new ArrayList<>();
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        boolean crossesZero = false;
        for (ModelExperiment.Cell cell : comparison.cells()) {
            Estimate calls = cell.callsPerSecond();
            double half = calls.hasInterval() && Double.isFinite(calls.high()) ? (calls.high() - calls.low()) / 2
                    : Double.NaN; // an unbounded interval has no whisker; the table shows its ends
            bars.add(new GroupedBarChart.Bar(cell.model(), sizeLabel(cell.workUnits()), calls.value(), half));
            crossesZero |= calls.value() - half < 0;
            smallest = Math.min(smallest, calls.value());
            largest = Math.max(largest, calls.value());
        }
        // task sizes spanning decades: a linear axis would hide the small; a whisker below zero: a rate cannot be
        boolean log = largest / smallest > 30 || crossesZero;
        return new GroupedBarChart(title(comparison) + ": throughput by model",
                "bar: calls per second (higher is better); whisker: 99.9% interval (JMH), drawn symmetric"
                        + (log ? "; log scale: a whisker reaching zero is not drawn (see the table)" : ""),
                "task size (workUnits)", "calls per second" + (log ? " (log scale)" : ""), log,
                comparison.models(), categories, bars);
    }

    /** Speedup over inline against task size, one line per model, 1.0 and each break-even marked. */
    public static XyChart modelSpeedup(ModelExperiment.Sweep comparison) {
        List<Series> series = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        markers.add(new Marker(false, 1, "inline"));
        for (int i = 0; i < comparison.models().size(); i++) {
            String model = comparison.models().get(i);
            if (model.equals(ModelExperiment.INLINE)) {
                continue;
            }
            List<Point> points = comparison.cells().stream()
                    .filter(c -> c.model().equals(model) && c.speedup() != null && c.workUnits() != null)
                    .map(c -> interval(c.workUnits(), c.speedup())).toList();
            series.add(new Series(model, i, Style.POINTS_WITH_INTERVALS, points));
        }
        for (ModelExperiment.BreakEven breakEven : comparison.breakEvens()) {
            breakEven.workUnits().ifPresent(size -> markers.add(new Marker(true, size,
                    breakEven.model() + " break-even")));
        }
        return new XyChart(title(comparison) + ": speedup over inline",
                "inline's time / the model's, same tasks; whiskers: 99.9% interval (log-scale delta method)",
                new Axis("task size (workUnits, log scale)", Scale.LOG),
                new Axis("speedup (x inline, log scale)", Scale.LOG), series, markers);
    }

    /** Time per message against payload, log-log, one colour per transport, the fitted line dashed over it. */
    public static XyChart ipcTime(List<IpcExperiment.Curve> curves, TimeScale scale, String title,
                                  FloorComparison floor) {
        List<Series> series = new ArrayList<>();
        boolean floorDrawn = false;
        for (int i = 0; i < curves.size(); i++) {
            IpcExperiment.Curve curve = curves.get(i);
            series.add(new Series(curve.transport(), i, Style.POINTS_WITH_INTERVALS, curve.points().stream()
                    .map(p -> scaled(p.payloadBytes(), p.timeNs(), scale.nanosPerUnit())).toList()));
            int colour = i;
            curve.fit().ifPresent(fit -> series.add(new Series(curve.transport() + " fit: fixed + per byte", colour,
                    Style.DASHED, fitted(curve, fit, bytes -> scale.of(fit.predictNs(bytes))))));
            List<Point> floorPoints = curve.points().stream()
                    .flatMap(p -> floorOf(floor, curve, p.payloadBytes()).stream()
                            .map(c -> scaled(p.payloadBytes(), c, scale.nanosPerUnit())))
                    .toList();
            if (floorPoints.size() >= 2) {
                series.add(new Series(curve.transport() + " C floor (mean)", colour, Style.DOTTED, floorPoints));
                floorDrawn = true;
            }
        }
        return new XyChart(title, "points: measured, whiskers 99.9% (JMH); dashed: fixed + per-byte fit; "
                + (floorDrawn ? "dotted: the same mechanism in C, same run; " : "")
                + "0-byte payloads are in the table (no zero on a log axis)",
                new Axis("payload (bytes, log scale)", Scale.LOG),
                new Axis("time per message (" + scale.symbol() + ", log scale)", Scale.LOG), series, List.of());
    }

    /** The C floor's mean round trip for a point of {@code curve}, when the run measured one. */
    private static Optional<Estimate> floorOf(FloorComparison floor, IpcExperiment.Curve curve, long bytes) {
        String placement = curve.fixed().startsWith("placement=") ? curve.fixed().substring("placement=".length())
                : null;
        return placement == null || bytes <= 0 ? Optional.empty()
                : floor.cMeanNs(curve.transport(), bytes, placement);
    }

    /**
     * PSS in MiB against the number of parked units, log-log, one colour per unit kind: every fork's steps as points,
     * the fixed + per-unit fit dashed.
     */
    public static XyChart memory(MemoryExperiment memory) {
        List<Series> series = new ArrayList<>();
        double mib = 1 << 20;
        for (int i = 0; i < memory.units().size(); i++) {
            MemoryExperiment.Unit unit = memory.units().get(i);
            series.add(new Series(unit.unit(), i, Style.POINTS_WITH_INTERVALS, unit.points().stream()
                    .sorted(java.util.Comparator.comparingLong(MemoryExperiment.Point::count))
                    .map(p -> Point.of(p.count(), p.pssBytes() / mib)).toList()));
            if (unit.pss() != null) {
                MemoryExperiment.Fit fit = unit.pss();
                series.add(new Series(unit.unit() + " fit: fixed + per unit", i, Style.DASHED, unit.points().stream()
                        .mapToLong(MemoryExperiment.Point::count).distinct().sorted()
                        .mapToObj(n -> Point.of(n, (fit.fixedBytes().value() + fit.perUnitBytes().value() * n) / mib))
                        .toList()));
            }
        }
        return new XyChart("Memory of parked units", "points: PSS of the JVMs holding them, one per fork and count; "
                + "dashed: fixed + per-unit fit", new Axis("units parked (log scale)", Scale.LOG),
                new Axis("PSS (MiB, log scale)", Scale.LOG), series, List.of());
    }

    /** Bytes per second against payload, log-log, with the fit's prediction {@code bytes / time(bytes)}. */
    public static XyChart ipcThroughput(List<IpcExperiment.Curve> curves, String title) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            IpcExperiment.Curve curve = curves.get(i);
            series.add(new Series(curve.transport(), i, Style.POINTS_WITH_INTERVALS, curve.points().stream()
                    .filter(p -> p.bytesPerSecond() != null)
                    .map(p -> scaled(p.payloadBytes(), p.bytesPerSecond(), 1e6)).toList()));
            int colour = i;
            curve.fit().ifPresent(fit -> series.add(new Series(curve.transport() + " fit", colour, Style.DASHED,
                    fitted(curve, fit, bytes -> bytes / fit.predictNs(bytes) * 1e9 / 1e6))));
        }
        return new XyChart(title, "points: measured, whiskers 99.9% (JMH); dashed: bytes / (fixed + per-byte "
                + "time)", new Axis("payload (bytes, log scale)", Scale.LOG),
                new Axis("throughput (MB/s, log scale)", Scale.LOG), series, List.of());
    }

    private static List<Point> fitted(IpcExperiment.Curve curve, CostFit fit,
                                      java.util.function.DoubleUnaryOperator value) {
        double low = curve.points().stream().mapToLong(IpcExperiment.Point::payloadBytes).filter(b -> b > 0)
                .min().orElse(1);
        double high = curve.points().stream().mapToLong(IpcExperiment.Point::payloadBytes).max().orElse(1);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i <= CURVE_POINTS && high > low; i++) {
            double bytes = low * Math.pow(high / low, (double) i / CURVE_POINTS);
            double y = value.applyAsDouble(bytes);
            if (y > 0) {
                points.add(Point.of(bytes, y));
            }
        }
        return points;
    }

    private static Point interval(double x, Estimate estimate) {
        return new Point(x, estimate.value(), estimate.low(), estimate.high());
    }

    private static Point scaled(double x, Estimate estimate, double divisor) {
        return new Point(x, estimate.value() / divisor, estimate.low() / divisor, estimate.high() / divisor);
    }

    private static String title(ModelExperiment.Sweep comparison) {
        return comparison.benchmark() + (comparison.fixed().isEmpty() ? "" : ", " + comparison.fixed());
    }

    static String sizeLabel(Long workUnits) {
        return Objects.toString(workUnits, "(one size)");
    }
}
