package io.execbench.harness.write;

import static io.execbench.harness.Fixtures.COMPLETE_ID;
import static io.execbench.harness.Fixtures.FAILED_ID;
import static io.execbench.harness.Fixtures.PARTIAL_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.harness.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every string from a results file is untrusted, and a report fetches nothing. */
class ReportSafetyTest {

    /** The only URLs a report may contain: namespace names, which browsers never fetch. */
    private static final List<String> NAMESPACES = List.of(
            "xmlns='http://www.w3.org/2000/svg'", "xmlns=\"http://www.w3.org/2000/svg\"",
            "xmlns=\"http://www.w3.org/1999/xhtml\"");

    @TempDir
    Path reports;

    @Test
    void scriptParamIsEscapedInTablesAndCharts() throws Exception {
        String html = ReportFixtures.render(Fixtures.run(COMPLETE_ID), reports);

        assertThat(withoutOwnScript(html)).doesNotContainIgnoringCase("<script").doesNotContain("alert(1)</");
        assertThat(count(html, "<td class=\"params\">label&#61;&lt;script&gt;alert(1)&lt;/script&gt;, size&#61;"))
                .isEqualTo(3);
        assertThat(count(html, "'>label=&lt;script&gt;alert(1)&lt;/script&gt;, size=")).isEqualTo(3);
    }

    @Test
    void folderNameAndFailureTextAreEscaped() throws Exception {
        Path dir = Fixtures.copy("results/" + FAILED_ID, reports.resolve("in").resolve("<b onclick=alert(1)>x"));

        String html = ReportFixtures.render(dir, reports.resolve("out"));

        assertThat(html).doesNotContain("<b ").contains("&lt;b onclick&#61;alert(1)&gt;x");
        assertThat(withoutOwnScript(html)).doesNotContain("<failure").doesNotContainIgnoringCase("<script");
    }

    @ParameterizedTest
    @ValueSource(strings = {COMPLETE_ID, FAILED_ID, PARTIAL_ID + ".partial"})
    void reportReferencesNothingOutsideItself(String runFolder) throws Exception {
        assertSelfContained(ReportFixtures.render(Fixtures.run(runFolder), reports));
    }

    @Test
    void plainJmhReportReferencesNothingOutsideItself() throws Exception {
        assertSelfContained(ReportFixtures.render(Fixtures.path("jmh-only/sampletime"), reports));
    }

    /**
     * The page with its one inline script (a report's table sorting and filtering) removed, after checking that it
     * is a {@code <script>} element without attributes, at the end of the body, that loads nothing. A page without
     * one (the index) is returned as it is.
     */
    static String withoutOwnScript(String html) {
        int open = html.indexOf("<script>\n");
        if (open < 0) {
            return html;
        }
        int close = html.indexOf("</script>", open);
        String script = html.substring(open, close);
        assertThat(script).doesNotContain("fetch(", "XMLHttpRequest", "import(", "src", "http");
        assertThat(html.substring(close)).startsWith("</script>\n</body>");
        return html.substring(0, open) + html.substring(close + "</script>".length());
    }

    /** Only namespace URLs, no fetched resource of any kind, only relative links. */
    static void assertSelfContained(String page) {
        String html = withoutOwnScript(page);
        Matcher url = Pattern.compile("(?i)https?:").matcher(html);
        List<String> contexts = new ArrayList<>();
        while (url.find()) {
            int start = html.lastIndexOf("xmlns", url.start());
            int end = html.indexOf(html.charAt(url.start() - 1), url.start()) + 1; // the closing quote
            contexts.add(start < 0 ? html.substring(url.start(), url.start() + 40) : html.substring(start, end));
        }
        assertThat(contexts).allMatch(NAMESPACES::contains);
        assertThat(html).doesNotContainIgnoringCase("src=").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("<script")
                .doesNotContain("//cdn").doesNotContainIgnoringCase("data:");
        assertThat(Pattern.compile("url\\((?!#[a-z]+-\\d+-)").matcher(html).find()).as("non-local url()").isFalse();
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            // In-page anchors, the index from a report, a report or an A/B page from the index: all relative, none
            // with a scheme.
            assertThat(href.group(1)).matches("#[a-z0-9-]+|\\.\\./index\\.html|\\./(?:ab/)?[^/:\"]+/index\\.html");
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
