package io.execbench.server;

import io.execbench.loadgen.KeepAliveClient;
import io.execbench.loadgen.LoadSpec;
import io.execbench.runner.AutoParams;
import io.execbench.runner.Profile;
import io.execbench.topology.Affinity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;

/*
 * Question: which execution model serves requests best under load, and does CPU-heavy work on one event loop delay
 * everything else? The Node material's server questions: the blocked main loop, the libuv pool and worker threads,
 * cluster on one port, `ab -n1000 -c20`.
 *
 * Measures, per server setup (ServerSetup: eventLoop, loopOffload-4, loopOffload-<cpus>, threadPool, virtual,
 * processes-N), the server in JVMs of its own (Servers.startInChildJvm), the load from this fork:
 *  - at trial set-up, the open-loop sweep (LoadSweep): constant-rate load over 20 keep-alive connections, latency
 *    from each request's intended send time (corrected for coordinated omission), per heavy share (0%, 1%, 10% of
 *    requests run ~10 ms of the alu kernel) and offered rate on one shared ladder, until one step past saturation;
 *    then its capacity for heavy requests (closed loop, 20 connections, heavy only: what `ab -c20` on the heavy
 *    route would say, the figure that shows whether more processes serve more);
 *    written to server/<label>.json with an .hlog per step (ServerLog), and for eventLoop the ab cross-check
 *    (AbCrossCheck, server/ab.json). The sweep runs once per run (a later fork finds the file and skips it), and
 *    only under the runner, which names the folder: plain JMH and A/B rounds measure cheapRequest alone.
 *  - cheapRequest (SampleTime): one cheap request's round trip on an idle server over one keep-alive connection,
 *    the JMH score that compare and A/B comparisons follow per setup.
 *
 * Pitfalls avoided: the server never shares a JVM with the generator (its GC pauses and JIT would be charged to the
 * server); the generator is pinned to a CPU of its own where the setup runs its requests on one thread and a CPU is
 * free, and shares the CPUs otherwise (said in the file's notes); a saturated step's backlog is drained before the
 * next; every response's status is checked (a 404 would be fast). The heavy size is measured in this JVM.
 *
 * Expect: with 1% heavy requests, eventLoop's cheap p99 at least one heavy request (~10 ms) once load is moderate,
 * loopOffload, virtual and processes far lower; processes-2 about twice processes-1's heavy throughput on 2 CPUs;
 * the unloaded round trip a few tens of microseconds for every setup.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Timeout(time = 10, timeUnit = TimeUnit.MINUTES) // the sweep runs in the first iteration's set-up
public class ServerLoadBenchmark implements AutoParams {

    /** About what a heavy request costs: the Node note's "CPU-heavy" request, sized on this machine. */
    static final double HEAVY_TARGET_MS = 10;

    @Param("auto")
    public String server;

    private RunningServer running;
    private KeepAliveClient client;
    private final ByteBuffer cheap = KeepAliveClient.request("/cheap");
    private int unexpectedStatus; // 0: every cheap request got 200

    @Override
    public List<String> values(String param, Profile profile) {
        if (!param.equals("server")) {
            throw new IllegalArgumentException("no automatic values for @Param " + param);
        }
        return ServerSetup.labels(Runtime.getRuntime().availableProcessors(), profile);
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        Profile profile = AutoParams.profileOfThisJvm();
        ServerSetup setup = ServerSetup.parse(resolve("server", server));
        List<Integer> cpus = Affinity.currentThreadCpus().cpus().orElse(List.of());
        List<String> notes = new ArrayList<>();
        List<Integer> generatorCpus = List.of();
        List<Integer> serverCpus = List.of();
        if (setup.singleThreaded() && cpus.size() >= 2) {
            generatorCpus = List.of(cpus.getFirst());
            serverCpus = cpus.subList(1, cpus.size());
        } else {
            notes.add(cpus.size() < 2 ? "one CPU: the load generator and the server share it"
                    : "the load generator shares the CPUs with the server: " + setup.label() + " uses every CPU");
        }
        int heavyUnits = HeavyWork.unitsFor(HEAVY_TARGET_MS);
        running = Servers.startInChildJvm(setup.config(heavyUnits, serverCpus));
        try {
            // Only where the runner named a folder for it, once per run: under plain JMH or in an A/B round the
            // fork measures cheapRequest alone, and the sweep's half a minute would record nothing.
            if (ServerLog.folder().isPresent() && !ServerLog.written(setup.label())) {
                LoadSweep.Plan plan = LoadSweep.Plan.of(profile, setup.label().equals("eventLoop"));
                LoadSweep sweep = new LoadSweep(setup, running, plan, HEAVY_TARGET_MS, generatorCpus,
                        line -> System.out.println("execbench server: " + line));
                List<LoadSweep.Step> steps = sweep.run();
                LoadSweep.Capacity capacity = sweep.capacity();
                ServerLog.write(new ServerLog.Sweep(setup, heavyUnits, heavyMs(steps), LoadSpec.DEFAULT_CONNECTIONS,
                        serverCpus, generatorCpus, !generatorCpus.isEmpty(), steps, capacity, notes));
                if (setup.label().equals("eventLoop")) {
                    Map<String, Object> check = AbCrossCheck.run(setup.label(), running.port(), generatorCpus);
                    ServerLog.writeAb(check);
                    LoadSweep.awaitDrained(running.port());
                }
            }
            client = new KeepAliveClient(running.port());
        } catch (IOException | InterruptedException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /** What one heavy request took, as served at the lowest load: the heavy route's p50 at its first step. */
    static double heavyMs(List<LoadSweep.Step> steps) {
        for (LoadSweep.Step step : steps) {
            LoadSweep.RouteStats heavy = step.routes().get("heavy");
            if (heavy != null) {
                return heavy.p50Us() / 1e3;
            }
        }
        return Double.NaN;
    }

    /** One cheap request and its response on an idle server: the round trip every model pays at least. */
    @Benchmark
    public int cheapRequest() {
        try {
            int status = client.call(cheap);
            if (status != 200) {
                unexpectedStatus = status;
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException("cheap request to the " + server + " server: " + e.getMessage(), e);
        }
    }

    @TearDown(Level.Iteration)
    public void verify() {
        if (unexpectedStatus != 0) {
            throw new IllegalStateException(server + " server answered the cheap route with " + unexpectedStatus);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            running.close();
        }
    }
}
