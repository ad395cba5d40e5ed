package io.execbench.harness.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the report of the combined fixture run in headless Chromium (Debian's chromium and chromedriver, driven by
 * Selenium with both paths given, so nothing is downloaded) and checks what a reader sees: every chart present and
 * visible, no console error, no request leaving the file, tables that sort and filter. Saves a screenshot of the
 * top of the report as {@code target/report-top.png}. Skipped, saying why, where the browser is not installed.
 */
class ReportBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("report.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("report.chromedriver", "/usr/bin/chromedriver"));

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless report test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL); // DevTools events: every request the page makes
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyChartIsVisibleWithNoConsoleErrorAndNoNetworkRequest(@TempDir Path dir) throws Exception {
        Path report = CombinedReportTest.render(dir);
        browser.get(report.toUri().toString());

        List<WebElement> charts = browser.findElements(By.cssSelector("figure > svg"));
        long chartsInFile = Files.readString(report).split("<figure><svg", -1).length - 1L;
        assertThat(charts).hasSize((int) chartsInFile).hasSizeGreaterThan(10);
        for (WebElement chart : charts) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", chart);
            assertThat(chart.isDisplayed()).as("chart %s displayed", chart.getAttribute("id")).isTrue();
            assertThat(chart.getSize().getWidth()).as("chart %s width", chart.getAttribute("id")).isGreaterThan(300);
            // a result group of one benchmark (ProcessLaunchBenchmark.baseline) is one bar: 154 px tall
            assertThat(chart.getSize().getHeight()).as("chart %s height", chart.getAttribute("id")).isGreaterThan(150);
        }
        for (String section : List.of("findings", "claims", "latency", "models", "ipc", "scaling", "server", "processes", "faults",
                "environment")) {
            assertThat(browser.findElement(By.id(section)).isDisplayed()).as(section).isTrue();
        }

        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .as("console messages").filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .isEmpty();
        assertThat(requestedUrls(report.toUri().toString())).as("requests").allMatch(url -> url.startsWith("file:") || url.startsWith("data:")
                || url.startsWith("about:"));

        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path target = Path.of("target");
        Files.createDirectories(target);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve("report-top.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void tablesSortByAHeaderClickAndFilterByTheBox(@TempDir Path dir) throws Exception {
        browser.get(CombinedReportTest.render(dir).toUri().toString());
        WebElement table = browser.findElement(By.cssSelector("#scaling table.sortable"));
        WebElement threads = table.findElement(By.cssSelector("thead th"));
        threads.click();
        threads.click(); // descending
        List<String> firstColumn = column(table);
        assertThat(firstColumn.getFirst()).isEqualTo("effective cores"); // text after numbers, reversed: first
        assertThat(firstColumn.subList(1, firstColumn.size())).isSortedAccordingTo(
                (a, b) -> Double.compare(Double.parseDouble(b), Double.parseDouble(a)));

        WebElement claims = browser.findElement(By.cssSelector("#claims table"));
        WebElement filter = browser.findElement(By.cssSelector("#claims input.filter"));
        filter.sendKeys("virtual threads are no faster");
        List<WebElement> visible = claims.findElements(By.cssSelector("tbody tr")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(visible).hasSize(1);
        assertThat(visible.getFirst().getText()).contains("Virtual threads are no faster than a pool of platform "
                + "threads of the same size");
    }

    @Test
    void atAGlanceComesFirstWithOneCardPerQuestionEachWithAnAnswerAndAChart(@TempDir Path dir) throws Exception {
        browser.get(CombinedReportTest.render(dir).toUri().toString());

        WebElement glance = browser.findElement(By.cssSelector("main > section"));
        assertThat(glance.getAttribute("id")).isEqualTo("glance");
        List<WebElement> cards = glance.findElements(By.cssSelector("article.card"));
        assertThat(cards).hasSize(5);
        for (WebElement card : cards) {
            assertThat(card.findElement(By.cssSelector("h3")).getText()).endsWith("?");
            assertThat(card.findElement(By.cssSelector("p.answer")).getText()).isNotBlank();
            assertThat(card.findElement(By.cssSelector("p.number")).getText()).matches("(?s).*\\[.*, .*\\].*");
            WebElement svg = card.findElement(By.cssSelector(".glance-chart svg"));
            assertThat(svg.isDisplayed()).isTrue();
            assertThat(svg.getSize().getWidth()).isGreaterThan(200);
            String target = card.findElement(By.cssSelector("p.more a")).getAttribute("href");
            String anchor = target.substring(target.indexOf('#') + 1);
            assertThat(browser.findElement(By.id(anchor)).isDisplayed()).as(anchor).isTrue();
        }
    }

    private static List<String> column(WebElement table) {
        List<String> values = new ArrayList<>();
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            values.add(row.findElement(By.cssSelector("td")).getText().strip());
        }
        return values;
    }

    /**
     * Every URL the report's document asked for (itself included), from the DevTools Network events in the
     * performance log; the browser's own start page, loaded before the report, is not the report's doing.
     */
    private List<String> requestedUrls(String reportUrl) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            if (message.path("method").asText().equals("Network.requestWillBeSent")
                    && params.path("documentURL").asText().equals(reportUrl)) {
                urls.add(params.path("request").path("url").asText());
            }
        }
        assertThat(urls).as("the report itself is requested").isNotEmpty();
        return urls;
    }
}
