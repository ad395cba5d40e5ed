package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.StoppingRule;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Duet rounds inside a session, with synthetic duets on a machine whose CPU 1 is 6% slower and whose speed drifts by
 * 30% from one duet to the next: the CPUs are swapped within every round, the duet benchmarks never run as
 * interleaved forks, and the 10% step is found at its size. No process is started and no time is measured.
 */
class DuetRoundsTest {

    private static final Build A = new Build("A", "main", "a".repeat(40), List.of(Path.of("a")));
    private static final Build B = new Build("B", "working tree", "b".repeat(40), List.of(Path.of("b")));
    private static final BenchmarkKey FP = new BenchmarkKey("io.execbench.workload.KernelBenchmark.run", "avgt",
            Map.of("kernel", "fp"));
    private static final Plan.Budget QUICK = new Plan.Budget(1, 200, 3, 200);
    private static final BenchmarkKey SCALING = new BenchmarkKey("io.execbench.scaling.ScalingBenchmark.run",
            "thrpt", Map.of());

    /** Duets of a machine with a slow CPU 1; B does 10% more work on {@code FP}. */
    private static final class BiasedCpus implements DuetRounds.Legs {
        private final Random random = new Random(11);
        private final List<String> legs = new ArrayList<>();
        private final boolean failSecondDuet;

        BiasedCpus(boolean failSecondDuet) {
            this.failSecondDuet = failSecondDuet;
        }

        @Override
        public DuetRounds.LegOutcome run(BenchmarkKey key, String name, int cpuOfA, int cpuOfB) {
            legs.add("A@" + cpuOfA + "/B@" + cpuOfB);
            if (failSecondDuet && legs.size() == 2) {
                return DuetRounds.LegOutcome.failed("build B's fork left the duet before iteration 2 of 4 (it failed"
                        + " or died)");
            }
            double speed = 0.85 + 0.3 * random.nextDouble();
            double[] a = new double[3];
            double[] b = new double[3];
            for (int i = 0; i < 3; i++) {
                a[i] = 100 * speed * (cpuOfA == 1 ? 1.06 : 1) * Math.exp(0.01 * random.nextGaussian());
                b[i] = 110 * speed * (cpuOfB == 1 ? 1.06 : 1) * Math.exp(0.01 * random.nextGaussian());
            }
            return new DuetRounds.LegOutcome(result(key, a), result(key, b), null);
        }
    }

    private static BenchmarkResult result(BenchmarkKey key, double[] iterations) {
        List<Double> raw = java.util.Arrays.stream(iterations).boxed().toList();
        Metric metric = new Metric(iterations[0], Double.NaN, new Metric.Interval(Double.NaN, Double.NaN), "ns/op",
                Map.of(), List.of(raw), List.of());
        return new BenchmarkResult(1, key.benchmark(), key.mode(), 1, 1, "java", List.of(), "25", "vm", "25", "1.37",
                key.params(), metric, Map.of());
    }

    private static AbSession session(AbSession.Forks forks, DuetRounds duets) {
        return new AbSession(A, B, forks, ComparisonSettings.DEFAULTS, StoppingRule.of(ComparisonSettings.DEFAULTS, 12),
                Duration.ofHours(1), 5, new AtomicLong()::get, line -> { })
                .withDuets(duets, key -> AbMode.duetable(key));
    }

    @Test
    void duetRoundsSwapCpusAndFindTheStepWhileMultiThreadedSuitesStayInterleaved() throws Exception {
        BiasedCpus machine = new BiasedCpus(false);
        List<String> forks = new ArrayList<>();
        AbSession.Forks interleaved = (build, key, name) -> {
            forks.add(key.benchmark() + " " + build.label());
            return new AbSession.Outcome(result(key, new double[] {100, 100, 100}), null);
        };

        List<AbSession.Track> tracks = session(interleaved, new DuetRounds(machine, 0, 1)).run(List.of(FP, SCALING));

        AbSession.Track fp = tracks.get(0);
        assertThat(fp.mode).isEqualTo("duet");
        assertThat(tracks.get(1).mode).isEqualTo("interleaved");
        assertThat(fp.comparison.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(fp.comparison.ratio().value()).isBetween(1.08, 1.12);
        assertThat(fp.pairs).allSatisfy(pair -> {
            assertThat(pair.legs()).hasSize(2);
            assertThat(pair.legs().get(0).cpuOfA()).isEqualTo(pair.legs().get(1).cpuOfB());
            assertThat(pair.firstBuild()).isEqualTo("both");
        });
        // Which assignment comes first is drawn per round, so both orders occur.
        assertThat(fp.pairs.stream().map(p -> p.legs().getFirst().cpuOfA()).distinct()).hasSize(2);
        assertThat(forks).allMatch(fork -> fork.contains("ScalingBenchmark"));
        assertThat(machine.legs).hasSize(2 * (1 + fp.pairs.size())); // the warm-up round runs two duets as well
    }

    @Test
    void abJsonRecordsEachBenchmarksModeAndEachDuetsCpus(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        AbSession.Forks interleaved = (build, key, name) ->
                new AbSession.Outcome(result(key, new double[] {100, 101, 99}), null);
        List<AbSession.Track> tracks = session(interleaved, new DuetRounds(new BiasedCpus(false), 0, 1))
                .run(List.of(FP, SCALING));
        var comparison = AbResults.comparison("id", A, B, tracks, 12, ComparisonSettings.DEFAULTS, "quick",
                20, QUICK);

        String text = AbResults.json(comparison, A, B, tracks, "quick", java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, 8, 12, "duet", QUICK);

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        assertThat(json.path("mode").asText()).isEqualTo("duet");
        var fp = json.path("benchmarks").get(0);
        assertThat(fp.path("runMode").asText()).isEqualTo("duet");
        assertThat(fp.path("reason").asText()).startsWith("duet: ");
        var legs = fp.path("pairs").get(0).path("legs");
        assertThat(legs).hasSize(2);
        assertThat(legs.get(0).path("cpuA").asInt()).isEqualTo(legs.get(1).path("cpuB").asInt());
        assertThat(legs.get(0).path("a")).hasSize(3);
        assertThat(fp.path("pairs").get(0).path("logRatio").asDouble()).isEqualTo(tracks.get(0).pairs.getFirst()
                .logRatio());
        var scaling = json.path("benchmarks").get(1);
        assertThat(scaling.path("runMode").asText()).isEqualTo("interleaved");
        assertThat(scaling.path("pairs").get(0).has("legs")).isFalse();
        assertThat(json.path("forkBudget").path("measurementIterations").asInt()).isEqualTo(3);
        assertThat(json.path("multiThreadedForkBudget").path("warmupIterations").asInt()).isEqualTo(2);
        assertThat(json.path("multiThreadedForkBudget").path("measurementIterations").asInt()).isEqualTo(6);
    }

    @Test
    void aFailedDuetEndsTheBenchmarkWithOneSentence() throws Exception {
        AbSession.Forks unused = (build, key, name) -> {
            throw new AssertionError("a duet benchmark ran as an interleaved fork");
        };

        AbSession.Track fp = session(unused, new DuetRounds(new BiasedCpus(true), 2, 3)).run(List.of(FP)).getFirst();

        assertThat(fp.failure).matches("round 0, duet 2 \\(A on CPU [23], B on CPU [23]\\): build B's fork left the"
                + " duet before iteration 2 of 4 \\(it failed or died\\)");
        assertThat(fp.pairs).isEmpty();
    }

    @Test
    void onlySingleThreadedSuitesInAModeWithIterationsCanRunAsDuets() {
        assertThat(AbMode.duetable(FP)).isTrue();
        assertThat(AbMode.duetable(SCALING)).isFalse();
        assertThat(AbMode.duetable(new BenchmarkKey("io.execbench.ipc.IpcRoundTripBenchmark.roundTrip", "avgt",
                Map.of()))).isFalse();
        assertThat(AbMode.duetable(new BenchmarkKey("io.execbench.workload.KernelBenchmark.run", "sample",
                Map.of()))).isFalse();
        AbMode.Pinning twoCpus = new AbMode.Pinning(new int[] {0, 1}, 2, null);
        AbMode.Pinning fourCpus = new AbMode.Pinning(new int[] {0, 1}, 4, null);
        AbMode.Pinning none = new AbMode.Pinning(null, 1, "duet needs 2 CPUs");
        assertThat(AbMode.DUET.duet(FP, twoCpus)).isTrue();
        assertThat(AbMode.DUET.duet(FP, none)).isFalse();
        assertThat(AbMode.DUET.duet(SCALING, fourCpus)).isFalse();
        assertThat(AbMode.INTERLEAVED.duet(FP, fourCpus)).isFalse();
        assertThat(AbMode.AUTO.duet(FP, twoCpus)).isTrue();
        assertThat(AbMode.AUTO.duet(FP, fourCpus)).isTrue();
        assertThat(AbMode.AUTO.duet(FP, none)).isFalse(); // no two CPUs to pin: interleaved
        assertThat(AbMode.AUTO.duet(SCALING, fourCpus)).isFalse();
    }

    @Test
    void allowedCpusAreReadFromTheStatusFileAndAnUnreadableOneMeansNoPinning(@org.junit.jupiter.api.io.TempDir
                                                                                  Path dir) throws Exception {
        Path status = dir.resolve("status");
        java.nio.file.Files.writeString(status, "Name:\tjava\nCpus_allowed:\tf\nCpus_allowed_list:\t0-1,4,6-7\n");

        assertThat(AbMode.Pinning.allowedCpus(status)).containsExactly(0, 1, 4, 6, 7);
        assertThat(AbMode.Pinning.allowedCpus(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void aDuetPinsItsTwoForksToDifferentCoresNotToSiblings(@org.junit.jupiter.api.io.TempDir Path sysfs)
            throws Exception {
        // An SMT machine numbered like most x86 servers: CPUs 0-3 are cores 0-3, CPUs 4-7 their second threads;
        // and one numbered the other way (siblings adjacent: 0 and 1 share core 0).
        for (int[] layout : new int[][] {{0, 1, 2, 3, 0, 1, 2, 3}, {0, 0, 1, 1, 2, 2, 3, 3}}) {
            for (int cpu = 0; cpu < layout.length; cpu++) {
                Path topology = java.nio.file.Files.createDirectories(sysfs.resolve("cpu" + cpu + "/topology"));
                java.nio.file.Files.writeString(topology.resolve("physical_package_id"), "0\n");
                java.nio.file.Files.writeString(topology.resolve("core_id"), layout[cpu] + "\n");
            }
            int[] expected = layout[1] == 0 ? new int[] {0, 2} : new int[] {0, 1};
            assertThat(AbMode.Pinning.twoCores(java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7), sysfs))
                    .containsExactly(expected);
            // Allowed only on two siblings of one core: those two, there is no better pair.
            assertThat(AbMode.Pinning.twoCores(java.util.List.of(0, layout[1] == 0 ? 1 : 4), sysfs))
                    .containsExactly(0, layout[1] == 0 ? 1 : 4);
        }
        // No topology to read (not Linux, a container hiding sysfs): the first two allowed.
        assertThat(AbMode.Pinning.twoCores(java.util.List.of(3, 5, 9), sysfs.resolve("missing")))
                .containsExactly(3, 5);
    }
}
