package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.ReportResources;
import io.execbench.harness.analyse.Answers;
import io.execbench.harness.analyse.Experiments;
import io.execbench.harness.analyse.ServerExperiment;
import io.execbench.harness.analyse.Sketch;
import io.execbench.harness.chart.SvgTickLabels.Label;
import io.execbench.harness.read.MachineFacts;
import io.execbench.harness.read.Run;
import io.execbench.harness.read.RunReader;
import io.execbench.harness.stats.Estimate;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/**
 * The share of heavy requests (0%, 1%, 10%: a full run's mixes; a quick run's 1% and 10%, with 0% for eventLoop)
 * on an axis that reads as a percentage, keeps 0% and leaves 1% apart from both.
 */
class ShareAxisTest {

    private static final Rectangle2D DATA_AREA = new Rectangle2D.Double(50, 10, 300, 150);

    @Test
    void zeroOneAndTenPercentAreLabelledAsSuchAndStandApart() {
        ValueAxis x = axis(sketch(new double[] {0, 1, 10}, new double[] {1, 10}));

        assertThat(tickTexts(x)).containsExactly("0%", "1%", "10%");
        double zero = at(x, 0);
        double one = at(x, 1);
        double ten = at(x, 10);
        assertThat(zero).as("0% is off the plot's edge").isGreaterThan(DATA_AREA.getMinX() + 5);
        assertThat(ten).as("10% is off the plot's edge").isLessThan(DATA_AREA.getMaxX() - 5);
        // On a linear axis 1% sat a tenth of the way from 0% to 10%, its whiskers on top of 0%'s.
        assertThat(one - zero).isGreaterThan(0.2 * (ten - zero));
        assertThat(ten - one).as("10x the share is further than 1% is from none").isGreaterThan(one - zero);
    }

    @Test
    void aRunWithoutZeroPercentStillStartsItsAxisThere() {
        ValueAxis x = axis(sketch(new double[] {1, 10}, new double[] {1, 10}));

        assertThat(tickTexts(x)).containsExactly("0%", "1%", "10%");
        assertThat(at(x, 1)).isGreaterThan(at(x, 0) + 0.2 * (at(x, 10) - at(x, 0)));
    }

    @Test
    void theServerCardAndTheBlockingProbeDrawTheShareOnThatAxis() throws Exception {
        Path dir = ReportResources.path("server");
        Run run = RunReader.read(dir);
        ServerExperiment server = Experiments.of(run, List.of(), MachineFacts.read(dir), List.of(), List.of(),
                run.server().readLogs(dir)).server();
        Sketch card = Answers.server(server).orElseThrow().sketch();

        assertThat(card.xPercent()).isTrue();
        assertThat(SvgTickLabels.of(SketchCharts.render(card, "glance-4")).horizontalAxis()).extracting(Label::text)
                .startsWith("0%", "1%");
        assertThat(ServerCharts.probe(server).x().scale()).isEqualTo(XyChart.Scale.SHARE);
        assertThat(SvgTickLabels.of(XyChartRenderer.render(ServerCharts.probe(server), "server-5")).horizontalAxis())
                .extracting(Label::text).startsWith("0%", "1%");
    }

    private static Sketch sketch(double[] loopShares, double[] poolShares) {
        return new Sketch("heavy requests", "cheap p99 (ms)", List.of(line("eventLoop", loopShares),
                line("threadPool", poolShares)), Double.NaN, true);
    }

    private static Sketch.Line line(String name, double[] shares) {
        return new Sketch.Line(name, java.util.Arrays.stream(shares)
                .mapToObj(s -> new Sketch.Point(s, new Estimate(5 + s, 4 + s, 7 + s, 0.999))).toList());
    }

    private static ValueAxis axis(Sketch sketch) {
        return XyChartRenderer.chart(SketchCharts.chart(sketch)).getXYPlot().getDomainAxis();
    }

    private static List<String> tickTexts(ValueAxis axis) {
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        return axis.refreshTicks(g2, new AxisState(), DATA_AREA, RectangleEdge.BOTTOM).stream()
                .map(t -> ((Tick) t).getText()).toList();
    }

    private static double at(ValueAxis axis, double share) {
        return axis.valueToJava2D(share, DATA_AREA, RectangleEdge.BOTTOM);
    }
}
