package io.execbench.harness.write;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static io.execbench.harness.Fixtures.FAILED_ID;
import static io.execbench.harness.Fixtures.PARTIAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBannerTest {

    @TempDir
    Path reports;

    @Test
    void partialRunShowsAPartialBannerWithTheReason() throws Exception {
        String html = ReportFixtures.render(Fixtures.run(PARTIAL_ID + ".partial"), reports);

        assertThat(html).contains("<div class=\"banner banner-partial\" role=\"alert\">",
                "<span class=\"status status-partial\">partial</span>");
        assertThat(Html.text(html)).contains("Partial run: this run did not finish",
                "The report shows the 1 benchmark results written before the run stopped (2 planned); "
                        + "it stopped because of: SIGINT or SIGTERM.");
        assertThat(Html.rows(html)).map(Html::texts).containsExactly(
                java.util.List.of("(no params)", "avgt", "1.288", "± n/a", "[n/a, n/a]", "ns/op", "1", "2"));
    }

    @Test
    void failedRunShowsABannerAndEachFailureWithItsErrorText() throws Exception {
        String html = ReportFixtures.render(Fixtures.run(FAILED_ID), reports);

        assertThat(html).contains("<div class=\"banner banner-failed\" role=\"alert\">");
        assertThat(Html.text(html)).contains("Failed run: 1 benchmark produced no result",
                "fixture.FailBench.explode", "Params: depth=1");
        String pre = html.substring(html.indexOf("<pre>") + 5, html.indexOf("</pre>"));
        assertThat(Html.decode(pre)).startsWith("java.lang.IllegalStateException: deliberate failure at depth 1\n"
                + "\tat fixture.FailBench.explode(FailBench.java:12)\n");
    }

    @Test
    void completeRunHasNoBannerAndNoFailures() throws Exception {
        String html = ReportFixtures.render(Fixtures.run(COMPLETE_ID), reports);

        assertThat(html).doesNotContain("class=\"banner").contains("<p>No benchmark failed.</p>");
    }

    @Test
    void plainJmhJsonRendersWithAnUnknownEnvironmentNote() throws Exception {
        String html = ReportFixtures.render(Fixtures.path("jmh-only/sampletime"), reports);

        assertThat(html).contains("<div class=\"banner banner-note\" role=\"alert\">",
                "<span class=\"status status-unknown\">unknown</span>");
        assertThat(Html.text(html)).contains("Run sampletime", "Unknown environment",
                "VMOpenJDK 64-Bit Server VM 25.0.3+9-LTS", "CPU modelunknown");
        assertThat(Html.rows(html)).map(Html::texts).containsExactly(
                java.util.List.of("bytes=64", "sample", "1.057", "± 2.686", "[-1.629, 3.743]", "us/op", "1", "4896"),
                java.util.List.of("bytes=1024", "sample", "0.4912", "± 0.05074", "[0.4405, 0.5420]", "us/op", "1",
                        "4898"));
    }
}
