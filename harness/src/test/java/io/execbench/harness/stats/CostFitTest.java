package io.execbench.harness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostFitTest {

    @Test
    void recoversFixedAndPerByteCostsOfAnExactLine() {
        // 10 us fixed, 0.25 ns per byte: a 64 B message costs 10016 ns, 1 MiB 272144 ns.
        List<CostFit.Sample> samples = List.of(0L, 64L, 4096L, 65536L, 1048576L).stream()
                .map(b -> new CostFit.Sample(b, 10_000 + 0.25 * b)).toList();
        CostFit fit = CostFit.fit(samples);
        assertThat(fit.fixedNs().value()).isCloseTo(10_000, within(1e-6));
        assertThat(fit.perByteNs().value()).isCloseTo(0.25, within(1e-12));
        assertThat(fit.crossoverBytes()).isCloseTo(40_000, within(1e-6));
        assertThat(fit.points()).isEqualTo(5);
        assertThat(fit.fixedNs().low()).isCloseTo(10_000, within(1e-3)); // no residual: a zero-width interval
    }

    @Test
    void twoPayloadSizesGiveAnExactLineWithoutInterval() {
        CostFit fit = CostFit.fit(List.of(new CostFit.Sample(0, 100), new CostFit.Sample(1000, 1100)));
        assertThat(fit.perByteNs().value()).isCloseTo(1, within(1e-9));
        assertThat(fit.fixedNs().hasInterval()).isFalse();
    }

    @Test
    void onePayloadSizeCannotBeFitted() {
        assertThatThrownBy(() -> CostFit.fit(List.of(new CostFit.Sample(64, 10), new CostFit.Sample(64, 11))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two or more payload sizes");
    }
}
