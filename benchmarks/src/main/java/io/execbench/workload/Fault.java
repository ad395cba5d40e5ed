package io.execbench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberate fault, the same in every execution model: what a buggy task does to whoever runs it. The fault
 * isolation experiment ({@code io.execbench.process.FaultIsolationBenchmark}) hands it to each model and records what
 * survived.
 */
public enum Fault {
    /** An uncaught runtime exception: the task fails, its thread or worker should not. */
    EXCEPTION,
    /** Unbounded recursion: a {@link StackOverflowError}, an Error that a worker's task loop does not catch. */
    STACK_OVERFLOW,
    /** Allocates until the heap is full: an {@link OutOfMemoryError} that every thread of the heap feels. */
    OUT_OF_MEMORY,
    /** {@code System.exit}: ends the JVM that runs the task, whoever else runs there. */
    EXIT,
    /** A loop that never ends and ignores interrupts: only a timeout and a kill end it. */
    LOOP;

    /** The exit status of a JVM ended by {@link #EXIT}. */
    public static final int EXIT_STATUS = 42;
    private static final int CHUNK_BYTES = 1 << 20;
    private static volatile long sink;

    /** The name in {@code @Param("fault")} values, results and reports: {@code stackOverflow}. */
    public String label() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder label = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            label.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return label.toString();
    }

    /** The fault named {@code label}. */
    public static Fault parse(String label) {
        for (Fault fault : values()) {
            if (fault.label().equals(label)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + label + "': exception, stackOverflow, outOfMemory,"
                + " exit or loop");
    }

    /** Does the fault; returns only for none of them (the signature lets a kernel return its result). */
    public long strike() {
        switch (this) {
            case EXCEPTION -> throw new IllegalStateException("deliberate fault: an uncaught exception");
            case STACK_OVERFLOW -> {
                return recurse(0);
            }
            case OUT_OF_MEMORY -> {
                List<byte[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new byte[CHUNK_BYTES]); // until the heap is full: OutOfMemoryError
                    sink += hoard.size();
                }
            }
            case EXIT -> {
                System.exit(EXIT_STATUS);
                return 0;
            }
            case LOOP -> {
                while (true) {
                    sink++; // never checks for an interrupt, as a buggy loop would not
                }
            }
            default -> throw new IllegalStateException("no such fault " + this);
        }
    }

    private static long recurse(long depth) {
        return recurse(depth + 1) + 1;
    }
}
