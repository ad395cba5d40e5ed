package io.execbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class MemoryKernelTest extends KernelContract {

    private static final long ONE_MIB = 1 << 20;

    @Override
    Kernel kernel() {
        return new MemoryKernel(ONE_MIB);
    }

    @Override
    long[] goldenChecksums() {
        return new long[] {5824L, 6831616L, 4046831632L};
    }

    @Test
    void chainIsOneCycleThroughEveryCacheLine() {
        MemoryKernel kernel = new MemoryKernel(ONE_MIB);
        int lines = (int) (kernel.footprintBytes() / 64);
        BitSet visited = new BitSet();
        int start = kernel.startIndex(7);
        int index = start;
        for (int step = 0; step < lines; step++) {
            assertThat(index % MemoryKernel.INTS_PER_LINE).isZero();
            assertThat(visited.get(index)).as("line revisited at step %d", step).isFalse();
            visited.set(index);
            index = kernel.nextIndex(index);
        }
        assertThat(visited.cardinality()).isEqualTo(lines);
        assertThat(index).as("the walk returns to its start after visiting every line").isEqualTo(start);
    }

    @Test
    void footprintIsRoundedToWholeLines() {
        assertThat(new MemoryKernel(ONE_MIB + 10).footprintBytes()).isEqualTo(ONE_MIB);
    }
}
