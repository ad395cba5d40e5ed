package io.execbench.harness.write;

import io.execbench.harness.compare.BenchmarkComparison;
import io.execbench.harness.compare.Comparison;
import io.execbench.harness.compare.Verdict;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Lays a {@link Comparison} out as JUnit XML, which every CI shows: one {@code <testcase>} per benchmark (class =
 * the benchmark class, name = method, params and mode), a {@code <failure>} for each regression, {@code <skipped>}
 * for benchmarks that are missing or not comparable; the reason is in each test case's {@code <system-out>}.
 */
public final class JunitXml {

    private JunitXml() {
    }

    /** The file's text. */
    public static String render(Comparison comparison) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "execbench comparison");
            xml.writeAttribute("tests", Integer.toString(comparison.benchmarks().size()));
            xml.writeAttribute("failures", Integer.toString(comparison.regressions().size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(comparison.benchmarks().stream().filter(JunitXml::skipped)
                    .count()));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "run", comparison.currentId());
            property(xml, "baseline", comparison.baselineId() == null ? "none" : comparison.baselineId());
            property(xml, "summary", comparison.countsLine());
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (BenchmarkComparison benchmark : comparison.benchmarks()) {
                testCase(xml, benchmark);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot lay out JUnit XML", e);
        }
        return text.toString();
    }

    private static void testCase(XMLStreamWriter xml, BenchmarkComparison benchmark) throws XMLStreamException {
        String full = benchmark.key().benchmark();
        int dot = full.lastIndexOf('.');
        String label = benchmark.key().label();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(dot > 0 ? full.substring(0, dot) : full));
        xml.writeAttribute("name", clean(label.substring(label.indexOf('.') + 1)));
        xml.writeAttribute("time", "0");
        String message = benchmark.verdict().label() + ": " + benchmark.reason();
        if (benchmark.verdict() == Verdict.REGRESSED) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "regression");
            xml.writeAttribute("message", clean(message));
            xml.writeCharacters(clean(label + " " + message));
            xml.writeEndElement();
        } else if (skipped(benchmark)) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", clean(message));
        }
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(message));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static boolean skipped(BenchmarkComparison benchmark) {
        return benchmark.verdict() == Verdict.MISSING || benchmark.verdict() == Verdict.NOT_COMPARABLE;
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    /** XML 1.0 cannot hold most control characters even escaped; names from jmh.json are untrusted. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) ? c : '?'));
        return out.toString();
    }
}
