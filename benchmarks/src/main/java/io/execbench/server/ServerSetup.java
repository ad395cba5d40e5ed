package io.execbench.server;

import io.execbench.runner.Profile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server configuration of the load experiment, named by its label: the model plus what sizes it.
 * {@code eventLoop}, {@code loopOffload-4} (the pool UV_THREADPOOL_SIZE gives libuv by default),
 * {@code loopOffload-<cpus>}, {@code threadPool} (200 platform threads, Tomcat's default {@code maxThreads}: with
 * the generator's 20 keep-alive connections every connection has its thread, as a thread-per-request server is
 * deployed; a pool smaller than the connection count would leave connections waiting for a thread, which measures
 * the sizing, not the model), {@code virtual}, and {@code processes-N} (N event-loop JVMs on one port).
 *
 * @param label     as above: the results' {@code model} parameter and file name
 * @param model     one of {@link Servers#MODELS}
 * @param poolSize  offload pool or platform threads (1 where the model has no pool)
 * @param processes server JVMs (1 except for {@code processes})
 */
public record ServerSetup(String label, String model, int poolSize, int processes) {

    /** Tomcat's default {@code maxThreads}. */
    static final int THREAD_POOL_SIZE = 200;
    /** libuv's default {@code UV_THREADPOOL_SIZE}. */
    static final int LIBUV_POOL_SIZE = 4;
    /** At most this many server JVMs, whatever the CPU count: each costs a JVM's memory. */
    static final int MAX_PROCESSES = 16;

    private static final Pattern SIZED = Pattern.compile("(loopOffload|processes)-([1-9][0-9]{0,2})");

    /** The labels a profile measures on a machine with {@code cpus} usable CPUs, in report order. */
    public static List<String> labels(int cpus, Profile profile) {
        Set<String> labels = new LinkedHashSet<>();
        labels.add("eventLoop");
        labels.add("loopOffload-" + LIBUV_POOL_SIZE);
        labels.add("loopOffload-" + Math.max(1, cpus));
        labels.add("threadPool");
        labels.add("virtual");
        for (int n : processCounts(cpus, profile)) {
            labels.add("processes-" + n);
        }
        return List.copyOf(labels);
    }

    /** 1, 2 and the CPU count (quick, smoke), or every count up to it (full); never above {@link #MAX_PROCESSES}. */
    static List<Integer> processCounts(int cpus, Profile profile) {
        int top = Math.max(1, Math.min(cpus, MAX_PROCESSES));
        Set<Integer> counts = new LinkedHashSet<>();
        if (profile == Profile.FULL) {
            for (int n = 1; n <= top; n++) {
                counts.add(n);
            }
        } else {
            counts.add(1);
            counts.add(Math.min(2, top));
            counts.add(top);
        }
        return new ArrayList<>(counts);
    }

    /**
     * The setup a label names.
     *
     * @throws IllegalArgumentException naming the label when it is not one of the forms above
     */
    public static ServerSetup parse(String label) {
        switch (label) {
            case "eventLoop":
                return new ServerSetup(label, "eventLoop", 1, 1);
            case "threadPool":
                return new ServerSetup(label, "threadPool", THREAD_POOL_SIZE, 1);
            case "virtual":
                return new ServerSetup(label, "virtual", 1, 1);
            default:
                Matcher sized = SIZED.matcher(label);
                if (!sized.matches()) {
                    throw new IllegalArgumentException("unknown server setup '" + label + "': expected eventLoop,"
                            + " loopOffload-<pool size>, threadPool, virtual or processes-<count>");
                }
                int size = Integer.parseInt(sized.group(2));
                return sized.group(1).equals("loopOffload") ? new ServerSetup(label, "loopOffload", size, 1)
                        : new ServerSetup(label, "processes", 1, Math.min(size, MAX_PROCESSES));
        }
    }

    /** Whether the server runs its requests on one thread, so the load generator can have a CPU of its own. */
    public boolean singleThreaded() {
        return model.equals("eventLoop") || model.equals("processes") && processes == 1;
    }

    /** The server's configuration: the heavy route runs {@code heavyWorkUnits} of the alu kernel. */
    public ServerConfig config(int heavyWorkUnits, List<Integer> cpus) {
        return new ServerConfig(model, poolSize, processes, "alu", heavyWorkUnits, ServerConfig.DEFAULT_MAX_HEADER_BYTES,
                ServerConfig.DEFAULT_IDLE_TIMEOUT_MS, cpus);
    }
}
