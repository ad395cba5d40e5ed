package io.execbench.scaling;

import io.execbench.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the workers of a scaling run are allowed to execute. Worker {@code i} of a pinned placement runs on
 * {@code cpuOrder(...).get(i % size)}, so past the last CPU the order wraps and CPUs are shared evenly.
 */
public enum Placement {
    /** No pinning: the OS scheduler places and migrates the workers. The control. */
    OS,
    /** One worker per physical core first (socket by socket), second hardware threads only once every core has one. */
    SPREAD,
    /** Every hardware thread of a core before the next core: two workers on one SMT core share its execution units. */
    PACKED;

    /** The {@code @Param} value: {@code os}, {@code spread}, {@code packed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@code @Param} value, naming the choices when it is none of them. */
    public static Placement parse(String label) {
        for (Placement placement : values()) {
            if (placement.label().equals(label)) {
                return placement;
            }
        }
        throw new IllegalArgumentException("unknown placement '" + label + "', expected os, spread or packed");
    }

    /** The CPUs workers are pinned to, in the order they are handed out; empty for {@link #OS}. */
    public List<Integer> cpuOrder(Topology topology) {
        List<List<Integer>> cores = topology.usableCores();
        List<Integer> order = new ArrayList<>();
        switch (this) {
            case OS -> {
            }
            case PACKED -> cores.forEach(order::addAll);
            case SPREAD -> {
                int maxThreads = cores.stream().mapToInt(List::size).max().orElse(0);
                for (int rank = 0; rank < maxThreads; rank++) {
                    for (List<Integer> core : cores) {
                        if (rank < core.size()) {
                            order.add(core.get(rank));
                        }
                    }
                }
            }
        }
        return List.copyOf(order);
    }
}
