package io.execbench.workload;

/**
 * Floating-point work: a multiply-add recurrence feeding a running sum of reciprocals. The recurrence is a
 * dependent chain (latency-bound) and the division keeps the FP divider busy, so a step is dominated by FP
 * latency and divider throughput, not by integer or memory work. Java's floating point is strict since JDK 17,
 * so the checksum is the same on every machine.
 */
public final class FpKernel implements Kernel {

    @Override
    public String name() {
        return "fp";
    }

    @Override
    public long run(long seed, int workUnits) {
        double x = 1.0 + (seed & 0xFFFF) * 1e-6;
        double sum = 0.5;
        for (int i = 0; i < workUnits; i++) {
            x = x * 1.000_000_1 + 1e-7;
            sum += 1.0 / x;
        }
        return Double.doubleToRawLongBits(x) * 31 + Double.doubleToRawLongBits(sum);
    }
}
