package io.execbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every {@link Kernel} promises; one subclass per implementation pins its exact checksums. */
abstract class KernelContract {

    abstract Kernel kernel();

    /** Checksums for seed {@link Seeds#FIRST} and workUnits 0, 1 and 1000, recorded once: a change is a new kernel. */
    abstract long[] goldenChecksums();

    @Test
    void sameArgumentsGiveTheSameChecksumOnAnyInstance() {
        assertThat(kernel().run(42, 5_000)).isEqualTo(kernel().run(42, 5_000));
    }

    @Test
    void checksumDependsOnEveryStep() {
        Kernel kernel = kernel();
        assertThat(kernel.run(42, 1_000)).isNotEqualTo(kernel.run(42, 999));
        assertThat(kernel.run(42, 1_000)).isNotEqualTo(kernel.run(43, 1_000));
    }

    @Test
    void checksumsMatchTheRecordedValues() {
        Kernel kernel = kernel();
        long[] golden = goldenChecksums();
        assertThat(new long[] {
                kernel.run(Seeds.FIRST, 0), kernel.run(Seeds.FIRST, 1), kernel.run(Seeds.FIRST, 1000)})
                .containsExactly(golden);
    }

    @Test
    void factoryBuildsTheKernelByItsName() {
        assertThat(Kernels.NAMES).contains(kernel().name());
    }
}
