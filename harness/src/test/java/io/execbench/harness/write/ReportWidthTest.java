package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.execbench.harness.Fixtures;
import io.execbench.harness.HarnessMain;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the index (with its A/B comparisons and its history dashboard, every row opened on its full chart) and a
 * run's report (the combined fixture run: the widest tables there are) in headless Chromium at 1400 and 900 px and
 * checks that nothing runs off to the right: the page does not scroll sideways, and no table, figure, SVG,
 * dashboard row or preformatted block reaches past its container or the window. Saves a screenshot of the top of
 * each page at each width under {@code target/screenshots/} (CI keeps them). Skipped, saying why, where the browser
 * is not installed.
 */
class ReportWidthTest {

    /** Every element that carries its own width, with where it overflows, as one line each; empty when none does. */
    private static final String OVERFLOWS = """
            var view = document.documentElement.clientWidth, found = [];
            if (document.documentElement.scrollWidth > view) {
              found.push('page: ' + document.documentElement.scrollWidth + ' px wide in a ' + view + ' px window');
            }
            document.querySelectorAll('table, figure, svg, pre, .table-wrap, .dashboard, details, summary, h1, h2, h3')
              .forEach(function (e) {
                var box = e.getBoundingClientRect();
                if (box.width === 0 || !e.parentElement) { return; } // not rendered (a closed row's chart)
                // Inside a box that scrolls sideways (a wide table's .table-wrap) it is reached by scrolling that
                // box, which is checked itself; only what spills out of the page's columns counts.
                for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                  var o = getComputedStyle(a).overflowX;
                  if (o === 'auto' || o === 'scroll') { return; }
                }
                var parent = e.parentElement.getBoundingClientRect();
                if (box.right > parent.right + 1 || box.right > view + 1 || box.left < -1) {
                  found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal
                      === undefined && e.className ? '.' + e.className : '') + ': right edge ' + Math.round(box.right)
                      + ' px, container ' + Math.round(parent.right) + ' px, window ' + view + ' px');
                }
              });
            return found;
            """;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        assumeTrue(Files.isExecutable(ReportBrowserTest.CHROMIUM) && Files.isExecutable(ReportBrowserTest.CHROMEDRIVER),
                "width test skipped: needs " + ReportBrowserTest.CHROMIUM + " and " + ReportBrowserTest.CHROMEDRIVER
                        + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ReportBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ReportBrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 900})
    void theIndexAndEveryOpenedHistoryChartFitTheWindow(int widthPx, @TempDir Path dir) throws Exception {
        Path results = Fixtures.copy("nightly/results", dir.resolve("results"));
        Fixtures.copy("ab/results/ab", results.resolve("ab"));
        StringWriter err = new StringWriter();
        int code = HarnessMain.execute(new String[] {"report", "--latest", "--results=" + results,
                "--reports=" + dir.resolve("reports")}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as("stderr: %s", err).isEqualTo(HarnessMain.OK);

        open(dir.resolve("reports").resolve("index.html"), widthPx);
        shoot("index", widthPx); // as a reader first sees it: rows closed
        long opened = (Long) script().executeScript(
                "var rows = document.querySelectorAll('details.trend-row');"
                        + "rows.forEach(function (r) { r.open = true; }); return rows.length;");

        assertThat(opened).as("dashboard rows").isEqualTo(12);
        assertThat((Long) script().executeScript("return document.querySelectorAll('tr.ab').length;"))
                .as("A/B comparison rows").isEqualTo(3);
        assertThat(overflows()).as("elements past the right edge at %d px", widthPx).isEmpty();
    }

    /** The run page with every experiment section: wide tables scroll inside their own box, nothing spills. */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 900})
    void theRunPageFitsTheWindow(int widthPx, @TempDir Path dir) throws Exception {
        open(CombinedReportTest.render(dir), widthPx);
        shoot("run", widthPx);

        assertThat(overflows()).as("elements past the right edge at %d px", widthPx).isEmpty();
    }

    private void open(Path page, int widthPx) {
        browser.manage().window().setSize(new Dimension(widthPx, 1400));
        browser.get(page.toUri().toString());
    }

    @SuppressWarnings("unchecked")
    private List<String> overflows() {
        return (List<String>) script().executeScript(OVERFLOWS);
    }

    private JavascriptExecutor script() {
        return browser;
    }

    private void shoot(String page, int widthPx) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(page + "-" + widthPx + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
