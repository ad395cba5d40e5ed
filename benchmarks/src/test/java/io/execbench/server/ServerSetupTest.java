package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.runner.Profile;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ServerSetupTest {

    @Test
    void everyModelIsMeasuredWithTheProcessCountsOfTheProfile() {
        assertThat(ServerSetup.labels(2, Profile.QUICK)).containsExactly("eventLoop", "loopOffload-4",
                "loopOffload-2", "threadPool", "virtual", "processes-1", "processes-2");
        assertThat(ServerSetup.labels(4, Profile.QUICK)).containsExactly("eventLoop", "loopOffload-4",
                "threadPool", "virtual", "processes-1", "processes-2", "processes-4");
        assertThat(ServerSetup.labels(6, Profile.FULL)).endsWith("processes-1", "processes-2", "processes-3",
                "processes-4", "processes-5", "processes-6");
        assertThat(ServerSetup.labels(64, Profile.FULL)).contains("processes-16").doesNotContain("processes-17");
        assertThat(ServerSetup.labels(1, Profile.SMOKE)).containsExactly("eventLoop", "loopOffload-4",
                "loopOffload-1", "threadPool", "virtual", "processes-1");
    }

    @Test
    void aLabelNamesItsModelAndSize() {
        assertThat(ServerSetup.parse("loopOffload-4")).isEqualTo(new ServerSetup("loopOffload-4", "loopOffload", 4, 1));
        assertThat(ServerSetup.parse("processes-2")).isEqualTo(new ServerSetup("processes-2", "processes", 1, 2));
        assertThat(ServerSetup.parse("threadPool").poolSize()).isEqualTo(200);
        assertThat(ServerSetup.parse("eventLoop").singleThreaded()).isTrue();
        assertThat(ServerSetup.parse("processes-1").singleThreaded()).isTrue();
        assertThat(ServerSetup.parse("processes-2").singleThreaded()).isFalse();
        assertThat(ServerSetup.parse("virtual").singleThreaded()).isFalse();
        for (String bad : List.of("nginx", "processes-0", "loopOffload-", "processes-2; rm", "eventloop")) {
            assertThatThrownBy(() -> ServerSetup.parse(bad)).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void theSweepStartsWellBelowOneCpuAndStopsAtTheFirstStepThatDidNotKeepUp() {
        LoadSweep sweep = new LoadSweep(ServerSetup.parse("eventLoop"), null, LoadSweep.Plan.of(Profile.QUICK, true),
                10, List.of(), line -> { });
        assertThat(sweep.startRate(0.0)).isEqualTo(2_000);   // 33,000/s on one CPU, a sixteenth is ~2,000
        assertThat(sweep.startRate(0.01)).isEqualTo(250);    // ~7,700/s
        assertThat(sweep.startRate(0.1)).isEqualTo(125);     // ~1,000/s: the ladder's foot
        assertThat(LoadSweep.LADDER).startsWith(125.0, 250.0, 500.0).endsWith(128_000.0);

        assertThat(LoadSweep.sustainable(step(1_000, 990, 0, 0, 5_000))).isTrue();
        assertThat(LoadSweep.sustainable(step(1_000, 900, 0, 0, 5_000))).as("achieved < 95%").isFalse();
        assertThat(LoadSweep.sustainable(step(1_000, 990, 2, 0, 5_000))).as("0.2% failed").isFalse();
        assertThat(LoadSweep.sustainable(step(1_000, 990, 0, 0, 150_000))).as("p99 over 100 ms").isFalse();
    }

    @Test
    void theP99IntervalBracketsTheP99ByOrderStatistics() {
        Histogram histogram = new Histogram(3);
        for (int us = 1; us <= 10_000; us++) {
            histogram.recordValue(us * 1_000L); // 1 us to 10 ms in ns: the p99 is 9.9 ms
        }
        double[] interval = LoadSweep.p99Interval(histogram);
        // n = 10,000: ranks 9,900 -/+ 3.29 x sqrt(99) = 9,867 to 9,934
        assertThat(interval[0]).isBetween(9_850.0, 9_880.0);
        assertThat(interval[1]).isBetween(9_920.0, 9_950.0);
        assertThat(LoadSweep.p99Interval(new Histogram(3))).containsExactly(0, 0);
    }

    @Test
    void theHeavyShareReadsAsAPercentInFileNames() {
        assertThat(LoadSweep.percent(0.0)).isEqualTo("0");
        assertThat(LoadSweep.percent(0.01)).isEqualTo("1");
        assertThat(LoadSweep.percent(0.1)).isEqualTo("10");
        assertThat(LoadSweep.percent(0.005)).isEqualTo("0.500");
    }

    @Test
    void eachProfileHasItsOwnBudget() {
        assertThat(LoadSweep.Plan.of(Profile.SMOKE, true).singleRate()).isEqualTo(1_000);
        assertThat(LoadSweep.Plan.of(Profile.QUICK, true).heavyShares()).containsExactly(0.0, 0.01, 0.1);
        assertThat(LoadSweep.Plan.of(Profile.QUICK, false).heavyShares()).containsExactly(0.01, 0.1);
        assertThat(LoadSweep.Plan.of(Profile.FULL, false).heavyShares()).containsExactly(0.0, 0.01, 0.1);
    }

    private static LoadSweep.Step step(double offered, double achieved, long errors, long timeouts, double p99Us) {
        LoadSweep.RouteStats cheap = new LoadSweep.RouteStats(1_000, 100, 50, 80, p99Us, p99Us, p99Us, List.of(p99Us),
                p99Us, p99Us);
        return new LoadSweep.Step(0.01, offered, achieved, 1_000, 1_000 - errors - timeouts, errors, timeouts, 10,
                Map.of("cheap", cheap), null, null);
    }
}
