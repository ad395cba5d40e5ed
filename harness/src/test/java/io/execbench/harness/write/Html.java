package io.execbench.harness.write;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTML reading for the report tests: table rows, cells, attributes and entity decoding. */
final class Html {

    private static final Pattern ROW = Pattern.compile("<tr class=\"(?:result|run)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td([^>]*)>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("title=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(\\d+);");

    /** One table cell: its text (tags removed, entities decoded) and its title attribute, decoded, or null. */
    record Cell(String text, String title) {
    }

    private Html() {
    }

    /** The rows of result and run tables, in document order. */
    static List<List<Cell>> rows(String html) {
        return rows(html, ROW);
    }

    /** The rows whose class attribute starts with the word {@code rowClass} (e.g. {@code ab}), in document order. */
    static List<List<Cell>> rows(String html, String rowClass) {
        return rows(html, Pattern.compile("<tr class=\"" + Pattern.quote(rowClass) + "(?: [^\"]*)?\">(.*?)</tr>",
                Pattern.DOTALL));
    }

    private static List<List<Cell>> rows(String html, Pattern pattern) {
        List<List<Cell>> rows = new ArrayList<>();
        Matcher row = pattern.matcher(html);
        while (row.find()) {
            List<Cell> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                Matcher title = TITLE.matcher(cell.group(1));
                cells.add(new Cell(text(cell.group(2)), title.find() ? decode(title.group(1)) : null));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The texts of the cells of one row. */
    static List<String> texts(List<Cell> row) {
        return row.stream().map(Cell::text).toList();
    }

    /** Visible text: tags dropped, entities decoded. */
    static String text(String html) {
        return decode(TAG.matcher(html).replaceAll(""));
    }

    /** Decodes the entities mustache.java and JFreeSVG write. */
    static String decode(String text) {
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            numeric.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(numeric.group(1)))));
        }
        numeric.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }
}
