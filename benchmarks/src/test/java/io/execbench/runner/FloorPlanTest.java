package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.floor.CFloor;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorPlanTest {

    @Test
    void oneFloorPointPerKernelTransportSizeAndPlacementOfThePlannedRoundTrips() {
        List<PlannedBenchmark> plan = BenchmarkPlan.of("IpcRoundTripBenchmark.roundTrip", Profile.SMOKE);
        List<CFloor.Point> points = FloorPlan.points(plan);

        long roundTripsWithAFloor = plan.stream().filter(FloorPlan::measuredBy).count();
        assertThat(roundTripsWithAFloor).isEqualTo(plan.size() - plan.stream()
                .filter(b -> b.params().get("transport").equals("threads")).count());
        assertThat(points).hasSize((int) roundTripsWithAFloor).doesNotHaveDuplicates();
        assertThat(points).extracting(CFloor.Point::transport).containsOnly("pipe", "uds", "tcp", "shm");
        assertThat(points).extracting(CFloor.Point::payloadBytes).containsOnly(64L, 16384L, 1048576L);
        assertThat(points).allSatisfy(point -> assertThat(point.placement()).isIn("split", "os"));
    }

    @Test
    void noPointsWithoutRoundTrips() {
        assertThat(FloorPlan.points(BenchmarkPlan.of("KernelBenchmark.run", Profile.SMOKE))).isEmpty();
    }
}
