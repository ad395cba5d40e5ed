package io.execbench.harness.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.execbench.harness.Fixtures;
import io.execbench.harness.read.BenchmarkResult;
import io.execbench.harness.read.RunReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultGroupingTest {

    @Test
    void groupsByMethodThenModeAndSortsParamsNumerically() throws Exception {
        List<BenchmarkResult> results = RunReader.read(Fixtures.run(Fixtures.COMPLETE_ID)).results();

        List<ResultGroup> groups = ResultGrouping.group(results);

        assertThat(groups).extracting(ResultGroup::benchmark, ResultGroup::mode, ResultGroup::unit).containsExactly(
                tuple("fixture.NoParamBench.baseline", "thrpt", "ops/ns"),
                tuple("fixture.NoParamBench.baseline", "avgt", "ns/op"),
                tuple("fixture.ParamBench.hash", "thrpt", "ops/ms"));
        assertThat(groups.get(2).results()).extracting(result -> ParamLabel.of(result.params())).containsExactly(
                "label=<script>alert(1)</script>, size=2",
                "label=<script>alert(1)</script>, size=10",
                "label=<script>alert(1)</script>, size=100",
                "label=plain, size=2",
                "label=plain, size=10",
                "label=plain, size=100");
        assertThat(groups.get(2).shortName()).isEqualTo("ParamBench.hash");
    }

    @Test
    void groupingIsStableWhateverTheInputOrder() throws Exception {
        List<BenchmarkResult> results = RunReader.read(Fixtures.run(Fixtures.COMPLETE_ID)).results();

        assertThat(ResultGrouping.group(results.reversed())).isEqualTo(ResultGrouping.group(results));
    }

    @Test
    void ordersKnownModesAsJmhDoesAndOthersByName() {
        assertThat(List.of("ss", "zz", "avgt", "sample", "aa", "thrpt").stream()
                .sorted(ResultGrouping::compareModes).toList())
                .containsExactly("thrpt", "avgt", "sample", "ss", "aa", "zz");
    }
}
