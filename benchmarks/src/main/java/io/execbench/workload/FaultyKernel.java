package io.execbench.workload;

/**
 * The alu kernel, except for one seed: the task with {@link #POISON_SEED} does {@link Fault#strike()} instead. Every
 * other task gives the alu kernel's checksum, so what a fault cost the tasks around it can be counted.
 */
public final class FaultyKernel implements Kernel {

    /** The seed of the faulty task. */
    public static final long POISON_SEED = 0x5EED_BAD_F00DL;

    private final Fault fault;
    private final AluKernel alu = new AluKernel();

    public FaultyKernel(Fault fault) {
        this.fault = fault;
    }

    @Override
    public String name() {
        return alu.name(); // the workers' protocol id: the same kernel, with one poisoned seed
    }

    @Override
    public long run(long seed, int workUnits) {
        return seed == POISON_SEED ? fault.strike() : alu.run(seed, workUnits);
    }
}
