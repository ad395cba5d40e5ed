package io.execbench.harness.write;

import java.util.List;

/**
 * What the A/B page shows, already formatted: the mustache model of {@code ab.html.mustache}.
 *
 * @param id        the comparison's id (its folder name)
 * @param candidate build B, e.g. {@code working tree (3f2a1b0)}
 * @param baseline  build A, e.g. {@code main (9e8d7c6)}
 * @param counts    the verdict counts line
 * @param method    one line on how the verdicts were reached
 * @param forestSvg the forest plot, trusted SVG from the chart renderer
 * @param rows      one per benchmark, sorted by effect (worst first)
 */
public record AbPage(String id, String candidate, String baseline, String counts, String method, String forestSvg,
                     List<Row> rows) {

    public AbPage {
        rows = List.copyOf(rows);
    }

    /** One benchmark's line; every string untrusted and escaped by the template. */
    public record Row(int rank, String benchmark, String verdict, String verdictClass, String ratio, String pValue,
                      int pairs, String baseline, String candidate, String unit, String reason) {
    }
}
