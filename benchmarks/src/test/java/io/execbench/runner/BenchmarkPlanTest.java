package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkPlanTest {

    @Test
    void expandsEveryParamCombinationLastParamFastest() {
        Map<String, String[]> declared = new LinkedHashMap<>();
        declared.put("kernel", new String[] {"alu", "fp"});
        declared.put("workUnits", new String[] {"1", "10"});
        assertThat(BenchmarkPlan.crossProduct(declared)).extracting(Object::toString).containsExactly(
                "{kernel=alu, workUnits=1}", "{kernel=alu, workUnits=10}",
                "{kernel=fp, workUnits=1}", "{kernel=fp, workUnits=10}");
    }

    @Test
    void benchmarkWithoutParamsIsPlannedOnce() {
        assertThat(BenchmarkPlan.crossProduct(Map.of())).hasSize(1).first().satisfies(p -> assertThat(p).isEmpty());
    }

    @Test
    void plansKernelBenchmarkAndSkipsSelftestUnlessNamed() {
        List<PlannedBenchmark> all = BenchmarkPlan.of(".*", Profile.QUICK);
        assertThat(all).extracting(PlannedBenchmark::benchmark).noneMatch(n -> n.contains("selftest"));
        assertThat(all).extracting(PlannedBenchmark::shortLabel)
                .contains("KernelBenchmark.baseline kernel=alu", "KernelBenchmark.run kernel=memory workUnits=1000");

        assertThat(BenchmarkPlan.of("selftest", Profile.QUICK)).extracting(PlannedBenchmark::shortLabel).containsExactly(
                "FailingBenchmark.forkDies size=1", "FailingBenchmark.passes size=1",
                "FailingBenchmark.throwsException size=1", "HoldsChildrenBenchmark.longTask");
    }

    @Test
    void includeIsAnUnanchoredRegexOverFullNames() {
        assertThat(BenchmarkPlan.of("KernelBenchmark\\.baseline", Profile.QUICK)).extracting(PlannedBenchmark::shortLabel)
                .containsExactly("KernelBenchmark.baseline kernel=alu", "KernelBenchmark.baseline kernel=fp",
                        "KernelBenchmark.baseline kernel=memory");
    }

    @Test
    void rejectsAnInvalidRegexWithItsReason() {
        assertThatThrownBy(() -> BenchmarkPlan.of("Kernel(", Profile.QUICK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--include 'Kernel(' is not a valid regular expression");
    }

    @Test
    void rejectsAPatternThatMatchesNothing() {
        assertThatThrownBy(() -> BenchmarkPlan.of("NoSuchBenchmark", Profile.QUICK))
                .hasMessage("no benchmark matches --include 'NoSuchBenchmark'");
    }

    /** Stands in for a benchmark class whose thread counts depend on the machine. */
    public static final class AutoFixture implements AutoParams {
        @Override
        public List<String> values(String param, Profile profile) {
            if (!param.equals("threads")) {
                return List.of();
            }
            return profile == Profile.FULL ? List.of("1", "2", "3", "4") : List.of("1", "2", "4");
        }
    }

    private static Map<String, String[]> resolveAuto(Map<String, String[]> declared, Profile profile) {
        String fixture = AutoFixture.class.getName();
        return BenchmarkPlan.resolveAuto(fixture, BenchmarkPlan.suite(fixture), declared, profile);
    }

    @Test
    void autoParamsAreAskedOfTheBenchmarkClass() {
        Map<String, String[]> declared = new LinkedHashMap<>();
        declared.put("threads", new String[] {"auto"});
        declared.put("kernel", new String[] {"alu"});
        Map<String, String[]> resolved = resolveAuto(declared, Profile.QUICK);
        assertThat(resolved.get("threads")).containsExactly("1", "2", "4");
        assertThat(resolved.get("kernel")).containsExactly("alu");
        assertThat(resolveAuto(declared, Profile.FULL).get("threads"))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void autoParamWithoutValuesIsAnErrorNamingTheMethod() {
        Map<String, String[]> declared = Map.of("size", new String[] {"auto"});
        assertThatThrownBy(() -> resolveAuto(declared, Profile.SMOKE))
                .hasMessageContaining("AutoFixture.values(\"size\", smoke) returned no values");
    }

    @Test
    void autoParamOfAClassThatIsNoAutoParamsIsAnErrorNamingTheInterface() {
        Map<String, String[]> declared = Map.of("size", new String[] {"auto"});
        assertThatThrownBy(() -> BenchmarkPlan.resolveAuto("some.Benchmark", java.util.Optional.empty(), declared,
                Profile.QUICK)).hasMessageContaining("needs some.Benchmark to implement AutoParams");
    }
}
