package io.execbench.harness.write;

import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Numbers;
import io.execbench.harness.write.ReportPage.TableCell;
import java.util.ArrayList;
import java.util.List;

/** Table cells as the report shows them: text, and for numbers the exact value the page sorts by. */
final class Tables {

    private Tables() {
    }

    static TableCell text(String text) {
        return new TableCell(text, text, false);
    }

    static TableCell number(double value) {
        return new TableCell(Numbers.format(value), Double.toString(value), true);
    }

    static TableCell number(double value, String text) {
        return new TableCell(text, Double.toString(value), true);
    }

    static TableCell count(long value) {
        return new TableCell(Numbers.count(value), Long.toString(value), true);
    }

    /** {@code value [low, high]}, sorted by the value. */
    static TableCell estimate(Estimate e, double divisor) {
        return new TableCell(Numbers.estimate(e, divisor, ""), Double.toString(e.value() / divisor), true);
    }

    static TableCell estimate(Estimate e) {
        return estimate(e, 1);
    }

    static List<TableCell> row(TableCell... cells) {
        return new ArrayList<>(List.of(cells));
    }
}
