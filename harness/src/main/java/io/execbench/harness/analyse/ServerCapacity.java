package io.execbench.harness.analyse;

import io.execbench.harness.read.ServerRun;
import io.execbench.harness.stats.Estimate;
import io.execbench.harness.stats.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each server configuration's capacity for CPU-heavy requests ({@code capacity} of {@code server/<label>.json}: a
 * closed loop, every connection always with one heavy request outstanding), against eventLoop's, and processes-N's
 * over processes-1's: how much more CPU-heavy work N processes complete than one. Pure.
 *
 * <p>Rule. A closed loop counts only the requests sent after its warm-up, so for one round trip after the warm-up
 * (connections / rate: each connection's warm-up request must come back before its first counted one is sent) no
 * counted request completes; then the rate is steady. The file's {@code requestsPerSec} divides by a measured time
 * that includes that round trip, so it is low by {@code roundTrip / measuredMs} (18% for a 1-second run at 88/s and 20
 * connections), more for slower configurations. The capacity is therefore the mean of the <b>steady intervals</b>:
 * the whole intervals of {@code intervalPerSec} ({@code intervalMs} long) that start at least one round trip after the
 * warm-up, the round trip taken as connections over the highest interval rate. Its interval is the 99.9% Student-t
 * interval of that mean ({@link Ratio.Side#ofSamples}), and every ratio of capacities is {@link Ratio#of}. A single
 * steady interval is a value without an interval; with none, the file's {@code requestsPerSec} stands alone.
 *
 * @param setups    one per configuration with a capacity, in the experiment's order
 * @param processes processes-N over processes-1, one per N above 1 present, ascending N
 */
public record ServerCapacity(List<Setup> setups, List<Scaling> processes) {

    public ServerCapacity {
        setups = List.copyOf(setups);
        processes = List.copyOf(processes);
    }

    /**
     * One configuration's capacity.
     *
     * @param config        the configuration
     * @param measured      what the file holds
     * @param leftOut       leading intervals left out: they start within one round trip of the warm-up's end
     * @param side          the steady intervals' mean with its 99.9% half-width, as {@link Ratio} takes it
     * @param overEventLoop this capacity over eventLoop's, or null for eventLoop itself or without eventLoop's
     */
    public record Setup(ServerExperiment.Config config, ServerRun.Capacity measured, int leftOut, Ratio.Side side,
                        Estimate overEventLoop) {

        public String label() {
            return config.label();
        }

        /** Heavy requests per second with the 99.9% interval. */
        public Estimate perSec() {
            return side.estimate();
        }

        /** The intervals the capacity is the mean of. */
        public List<Double> steady() {
            return measured.intervalPerSec().subList(leftOut, measured.intervalPerSec().size());
        }
    }

    /** processes-N over processes-1, {@link Ratio#of} their capacities. */
    public record Scaling(int processes, Setup many, Setup one, Estimate ratio) {
    }

    public static final ServerCapacity NONE = new ServerCapacity(List.of(), List.of());

    public Optional<Setup> setup(String label) {
        return setups.stream().filter(s -> s.label().equals(label)).findFirst();
    }

    /** processes-N over processes-1, when both have a capacity. */
    public Optional<Scaling> scaling(int processes) {
        return this.processes.stream().filter(s -> s.processes() == processes).findFirst();
    }

    static ServerCapacity of(List<ServerExperiment.Config> configs) {
        List<ServerExperiment.Config> measured = configs.stream().filter(c -> c.run().capacity() != null).toList();
        Optional<Ratio.Side> loop = measured.stream()
                .filter(c -> c.run().model().equals(ServerExperiment.EVENT_LOOP))
                .map(c -> side(c.run().capacity())).findFirst();
        List<Setup> setups = new ArrayList<>();
        for (ServerExperiment.Config config : measured) {
            ServerRun.Capacity capacity = config.run().capacity();
            Ratio.Side side = side(capacity);
            Estimate over = config.run().model().equals(ServerExperiment.EVENT_LOOP) ? null
                    : loop.map(l -> Ratio.of(side, l)).orElse(null);
            setups.add(new Setup(config, capacity, leftOut(capacity), side, over));
        }
        List<Setup> processes = setups.stream().filter(s -> s.config().run().model().equals(ServerExperiment.PROCESSES))
                .toList();
        Optional<Setup> one = processes.stream().filter(s -> s.config().run().processes() == 1).findFirst();
        List<Scaling> scaling = new ArrayList<>();
        if (one.isPresent()) {
            processes.stream().filter(s -> s.config().run().processes() > 1)
                    .sorted((a, b) -> Integer.compare(a.config().run().processes(), b.config().run().processes()))
                    .forEach(s -> scaling.add(new Scaling(s.config().run().processes(), s, one.get(),
                            Ratio.of(s.side(), one.get().side()))));
        }
        return new ServerCapacity(setups, scaling);
    }

    /** The leading intervals that start within one round trip (connections over the highest interval rate). */
    static int leftOut(ServerRun.Capacity capacity) {
        List<Double> rates = capacity.intervalPerSec();
        double highest = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (!(highest > 0)) {
            return rates.size();
        }
        double roundTripMs = capacity.connections() * 1000.0 / highest;
        int left = 0;
        while (left < rates.size() && left * capacity.intervalMs() < roundTripMs) {
            left++;
        }
        return left;
    }

    /** The steady intervals as repeated values; the whole run's rate alone when none is steady. */
    static Ratio.Side side(ServerRun.Capacity capacity) {
        List<Double> rates = capacity.intervalPerSec();
        int left = leftOut(capacity);
        return left == rates.size() ? new Ratio.Side(capacity.requestsPerSec(), Double.NaN, 1)
                : Ratio.Side.ofSamples(rates.subList(left, rates.size()).stream().mapToDouble(Double::doubleValue)
                        .toArray());
    }
}
