package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.compare.ComparisonSettings;
import io.execbench.harness.compare.PairedComparator;
import io.execbench.harness.compare.PairedComparison;
import io.execbench.harness.compare.Verdict;
import io.execbench.harness.stats.Direction;
import org.junit.jupiter.api.Test;

class AbResultsTest {

    @Test
    void aNoisyBenchmarkSaysHowManyRoundsItsSpreadWouldNeed() {
        // 8 pairs around +6% with a spread of about 5%: beyond the 3% threshold, but the interval still reaches it.
        double[] logRatios = {0.11, 0.01, 0.09, 0.02, 0.10, 0.03, 0.08, 0.04};
        PairedComparison c = PairedComparator.compare(logRatios, Direction.LOWER_IS_BETTER,
                ComparisonSettings.DEFAULTS);
        assertThat(c.verdict()).isEqualTo(Verdict.NOISY);
        String forecast = AbResults.forecast(c, logRatios);
        assertThat(forecast).matches("about \\d+ paired rounds would decide it at the spread seen so far");
        int rounds = Integer.parseInt(forecast.replaceAll("\\D+", ""));
        assertThat(rounds).isGreaterThan(logRatios.length);
    }

}
