package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void keepsFourSignificantDigitsBelowOneThousand() {
        assertThat(Numbers.format(0.7289641280402955)).isEqualTo("0.7290");
        assertThat(Numbers.format(1.0556784345539398)).isEqualTo("1.056");
        assertThat(Numbers.format(-0.3267143065136443)).isEqualTo("-0.3267");
        assertThat(Numbers.format(185.4558)).isEqualTo("185.5");
        assertThat(Numbers.format(999.96)).isEqualTo("1000");
    }

    @Test
    void keepsEveryIntegerDigitFromOneThousandUp() {
        assertThat(Numbers.format(185455.8360496449)).isEqualTo("185456");
        assertThat(Numbers.format(-556258.7344529227)).isEqualTo("-556259");
    }

    @Test
    void switchesToScientificForExtremeMagnitudes() {
        assertThat(Numbers.format(1.2345678e-6)).isEqualTo("1.235e-06");
        assertThat(Numbers.format(3.5e10)).isEqualTo("3.500e+10");
    }

    @Test
    void writesNaNAsNotAvailableAndZeroPlainly() {
        assertThat(Numbers.format(Double.NaN)).isEqualTo("n/a");
        assertThat(Numbers.format(0.0)).isEqualTo("0");
    }

    @Test
    void ignoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(Numbers.format(1.5)).isEqualTo("1.500");
            assertThat(Numbers.format(1.2345678e-6)).isEqualTo("1.235e-06");
            assertThat(Numbers.duration(Instant.EPOCH, Instant.ofEpochMilli(5_875))).isEqualTo("5.9 s");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void writesInstantsToTheSecondAndDurationsByScale() {
        Instant start = Instant.parse("2026-11-26T13:25:16.482913Z");
        assertThat(Numbers.instant(start)).isEqualTo("2026-11-26T13:25:16Z");
        assertThat(Numbers.instant(null)).isEqualTo("n/a");
        assertThat(Numbers.duration(start, start.plusSeconds(723))).isEqualTo("12 min 03 s");
        assertThat(Numbers.duration(start, start.plusSeconds(7500))).isEqualTo("2 h 05 min");
        assertThat(Numbers.duration(start, null)).isEqualTo("n/a");
    }
}
