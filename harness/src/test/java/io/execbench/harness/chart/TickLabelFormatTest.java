package io.execbench.harness.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TickLabelFormatTest {

    @Test
    void writesShortLocaleIndependentLabels() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // a comma decimal separator would show up here
        try {
            assertThat(new TickLabelFormat().format(1234.5)).isEqualTo("1234.5");
            assertThat(TickLabelFormat.text(0.1 + 0.2)).isEqualTo("0.3");
            assertThat(TickLabelFormat.text(-500000)).isEqualTo("-500000");
            assertThat(TickLabelFormat.text(-0.0)).isEqualTo("0");
            assertThat(TickLabelFormat.text(2.5e-8)).isEqualTo("2.5e-8");
            assertThat(TickLabelFormat.text(3e12)).isEqualTo("3e12");
        } finally {
            Locale.setDefault(before);
        }
    }
}
