package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.compare.BenchmarkKey;
import io.execbench.harness.compare.Series;
import io.execbench.harness.compare.Shift;
import io.execbench.harness.compare.TrendPoint;
import io.execbench.harness.stats.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparklineRendererTest {

    private static final BenchmarkKey HOSTILE = new BenchmarkKey("x.Bench.run", "avgt",
            Map.of("label", "<script>alert(1)</script>'\"&"));

    @Test
    void drawsEveryScoreOldestFirstWithTheNewestAsADotAndEachChangePointAsATick() {
        Series series = new Series(HOSTILE, "ns/op", Direction.LOWER_IS_BETTER, List.of(
                new TrendPoint("r1", 10, 9, 11), new TrendPoint("r2", 10, 9, 11), new TrendPoint("r3", 20, 19, 21)),
                List.of(new Shift(2, "r3", 10, 20, true, 0.001)));

        String svg = SparklineRenderer.render(series, "tip");

        // x from 3 to 117 px, y from 25 (lowest score) to 3 (highest); the tick halfway between runs 2 and 3.
        assertThat(svg).contains("<polyline fill='none' points='3.0,25.0 60.0,25.0 117.0,3.0'/>")
                .contains("<circle cx='117.0' cy='3.0' r='2.5'/>")
                .contains("<line class='worse' x1='88.5' y1='0' x2='88.5' y2='28'");
    }

    @Test
    void aFlatOrSinglePointHistoryIsDrawnAcrossTheMiddle() {
        Series one = new Series(HOSTILE, "ns/op", Direction.LOWER_IS_BETTER,
                List.of(new TrendPoint("r1", 5, Double.NaN, Double.NaN)), List.of());

        assertThat(SparklineRenderer.render(one, "tip")).contains("points='60.0,14.0'")
                .doesNotContain("NaN", "Infinity");
    }

    @Test
    void escapesTheTooltipWhichCarriesTheBenchmarksName() {
        Series series = new Series(HOSTILE, "ns/op", Direction.LOWER_IS_BETTER,
                List.of(new TrendPoint("r1", 1, 1, 1)), List.of());

        String svg = SparklineRenderer.render(series, HOSTILE.label());

        assertThat(svg).doesNotContain("<script").doesNotContain("'\"")
                .contains("<title>Bench.run [label=&lt;script&gt;alert(1)&lt;/script&gt;&#39;&quot;&amp;] (avgt)</title>")
                .contains("aria-label='Bench.run [label=&lt;script&gt;alert(1)&lt;/script&gt;&#39;&quot;&amp;] (avgt)'");
    }
}
