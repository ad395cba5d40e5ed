package io.execbench.harness.analyse;

import io.execbench.harness.read.WarmupRecords.Warmup;
import io.execbench.harness.stats.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the forks' data-decided warm-ups went (the run's {@code warmup/} records): per benchmark and parameters, how
 * many forks reached a steady state before the cap and how long they warmed. The report flags every benchmark with
 * a fork that did not: its scores include code still being compiled, or a host that never settled.
 *
 * @param benchmarks one per benchmark and parameter combination, in record order
 */
public record SteadyStates(List<Benchmark> benchmarks) {

    /** One benchmark's forks. */
    public record Benchmark(String label, int forks, int steadyForks, double medianWarmedMs, double maxWarmedMs) {
        public boolean allSteady() {
            return steadyForks == forks;
        }
    }

    public SteadyStates {
        benchmarks = List.copyOf(benchmarks);
    }

    public static SteadyStates of(List<Warmup> records) {
        Map<String, List<Warmup>> byBenchmark = new LinkedHashMap<>();
        for (Warmup record : records) {
            String name = record.benchmark();
            int type = name.lastIndexOf('.', name.lastIndexOf('.') - 1);
            String label = name.substring(type + 1) + (record.params().isEmpty() ? ""
                    : " (" + ParamLabel.of(record.params()) + ")");
            byBenchmark.computeIfAbsent(label, l -> new ArrayList<>()).add(record);
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        byBenchmark.forEach((label, forks) -> {
            double[] warmedMs = forks.stream().mapToDouble(w -> w.warmedNanos() / 1e6).sorted().toArray();
            benchmarks.add(new Benchmark(label, forks.size(), (int) forks.stream().filter(Warmup::steady).count(),
                    median(warmedMs), warmedMs[warmedMs.length - 1]));
        });
        return new SteadyStates(benchmarks);
    }

    public boolean isEmpty() {
        return benchmarks.isEmpty();
    }

    /** The benchmarks with at least one fork that did not reach a steady state. */
    public List<Benchmark> unsteady() {
        return benchmarks.stream().filter(b -> !b.allSteady()).toList();
    }

    public int forks() {
        return benchmarks.stream().mapToInt(Benchmark::forks).sum();
    }

    public double medianWarmedMs() {
        return median(benchmarks.stream().mapToDouble(Benchmark::medianWarmedMs).sorted().toArray());
    }

    public double maxWarmedMs() {
        return benchmarks.stream().mapToDouble(Benchmark::maxWarmedMs).max().orElse(Double.NaN);
    }

    /** Whether every fork warmed to a steady state, how long that took, and which did not get there. */
    public Optional<String> summary() {
        if (isEmpty()) {
            return Optional.empty();
        }
        String timing = "median " + Numbers.format(medianWarmedMs()) + " ms, longest "
                + Numbers.format(maxWarmedMs()) + " ms";
        List<Benchmark> unsteady = unsteady();
        if (unsteady.isEmpty()) {
            return Optional.of("Warm-up, decided per fork from the data: all " + forks() + " forks reached a "
                    + "steady state (the cost per call stopped moving) before the cap; " + timing + ".");
        }
        int shown = Math.min(unsteady.size(), 5);
        String names = String.join("; ", unsteady.subList(0, shown).stream()
                .map(b -> b.label() + " (" + (b.forks() - b.steadyForks()) + " of " + b.forks() + " forks)").toList())
                + (unsteady.size() > shown ? "; and " + (unsteady.size() - shown) + " more" : "");
        return Optional.of("Not steady: " + unsteady.size() + " of " + benchmarks.size() + " benchmarks had "
                + "a fork whose cost per call was still moving when its warm-up reached the cap, so their scores may "
                + "include code still being compiled or a host that never settled: " + names + ". Warm-up " + timing
                + ".");
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double[] values = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
