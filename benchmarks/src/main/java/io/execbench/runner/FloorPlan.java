package io.execbench.runner;

import io.execbench.floor.CFloor;
import io.execbench.ipc.IpcPlacement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which C floor points a run needs: one per transport with a C counterpart, payload size and placement that the
 * plan's IPC round trips measure, in plan order; none when the plan has no such round trip.
 */
final class FloorPlan {

    static final String ROUND_TRIP = "io.execbench.ipc.IpcRoundTripBenchmark.roundTrip";

    private FloorPlan() {
    }

    /** True for a planned round trip that has a C floor point (the runner measures the floor before the first). */
    static boolean measuredBy(PlannedBenchmark benchmark) {
        return benchmark.benchmark().equals(ROUND_TRIP)
                && CFloor.TRANSPORTS.contains(benchmark.params().get("transport"))
                && parseBytes(benchmark.params().get("payloadBytes")) >= 0
                && benchmark.params().containsKey("placement");
    }

    static List<CFloor.Point> points(List<PlannedBenchmark> plan) {
        Set<CFloor.Point> points = new LinkedHashSet<>();
        for (PlannedBenchmark benchmark : plan) {
            if (measuredBy(benchmark)) {
                IpcPlacement placement = IpcPlacement.parse(benchmark.params().get("placement"));
                points.add(new CFloor.Point(benchmark.params().get("transport"),
                        parseBytes(benchmark.params().get("payloadBytes")), placement.label(),
                        placement.callerCpu(), placement.peerCpu()));
            }
        }
        return List.copyOf(points);
    }

    private static long parseBytes(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
