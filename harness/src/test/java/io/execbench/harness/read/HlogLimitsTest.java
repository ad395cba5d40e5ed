package io.execbench.harness.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HlogLimitsTest {

    /** HdrHistogram's footprint estimate is 512 bytes plus 8 per count, so it tells the counts array's length. */
    @ParameterizedTest(name = "{0} digits over {1}..{2}")
    @CsvSource({"3, 1, 3600000000000", "3, 1, 4611686018427387904", "2, 1, 9223372036854775807", "4, 1000, 1099511627776",
            "0, 1, 2", "1, 7, 1000", "5, 1, 1000000000", "3, 1000, 60000000000", "2, 1, 3"})
    void countsLengthMatchesWhatHdrHistogramAllocates(int digits, long lowest, long highest) {
        long allocated = (new Histogram(lowest, highest, digits).getEstimatedFootprintInBytes() - 512) / 8;

        assertThat(HlogLimits.countsLength(digits, lowest, highest)).isEqualTo(allocated);
    }

    @ParameterizedTest(name = "{0} digits over {1}..{2}")
    @CsvSource({"5, 4611686018427387904, 9223372036854775807", "3, 4611686018427387904, 9223372036854775807"})
    void aPrecisionHdrHistogramCannotRepresentIsMinusOne(int digits, long lowest, long highest) {
        assertThat(HlogLimits.countsLength(digits, lowest, highest)).isEqualTo(-1);
    }
}
