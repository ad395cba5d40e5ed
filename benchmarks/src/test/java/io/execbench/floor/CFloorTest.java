package io.execbench.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.execbench.runner.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CFloorTest {

    @Test
    void readsTheProgramsLine() throws IOException {
        CFloor.Run run = CFloor.parse("floor pipe 64 1583 20008 63130 22150\n");
        assertThat(run).isEqualTo(new CFloor.Run(1583, 20008, 63130, 22150));
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> CFloor.parse("Segmentation fault")).isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected output: Segmentation fault");
        assertThatThrownBy(() -> CFloor.parse("floor pipe 64 x 1 2 3")).isInstanceOf(IOException.class);
    }

    @Test
    void findsTheFirstCompilerOnThePath(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path tools = Files.createDirectory(dir.resolve("tools"));
        Path gcc = Files.createFile(tools.resolve("gcc"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(tools.resolve("cc")); // not executable: skipped
        assertThat(CCompiler.find(empty + ":" + tools)).contains(gcc);
        assertThat(CCompiler.find(empty.toString())).isEmpty();
        assertThat(CCompiler.find(null)).isEmpty();
    }

    @Test
    void withoutACompilerSaysSoAndMeasuresNothing(@TempDir Path dir) {
        List<String> progress = new ArrayList<>();
        CFloor.File file = CFloor.measure(dir, List.of(new CFloor.Point("pipe", 64, "os", -1, -1)),
                CFloor.Budget.of(Profile.TEST), progress::add, dir.toString());
        assertThat(file.unavailable()).isEqualTo("no C compiler (cc, gcc or clang) on PATH");
        assertThat(file.compiler()).isNull();
        assertThat(file.points()).isEmpty();
        assertThat(progress).containsExactly("C floor: no C compiler (cc, gcc or clang) on PATH; the IPC suite runs "
                + "without its C floor");
    }

    @Test
    void measuresOnePointAndKeepsAFailingOnesError(@TempDir Path dir) {
        assumeTrue(CCompiler.find(System.getenv("PATH")).isPresent(), "no C compiler on this machine");
        List<String> progress = new ArrayList<>();
        CFloor.Budget budget = CFloor.Budget.of(Profile.TEST);
        CFloor.File file = CFloor.measure(dir, List.of(new CFloor.Point("pipe", 64, "os", -1, -1),
                new CFloor.Point("carrier-pigeon", 64, "os", -1, -1)), budget, progress::add);

        assertThat(file.unavailable()).isNull();
        assertThat(file.compiler()).isNotBlank();
        CFloor.Measured pipe = file.points().get(0);
        assertThat(pipe.error()).isNull();
        assertThat(pipe.runs()).hasSize(budget.runs()).allSatisfy(run -> {
            assertThat(run.roundTrips()).isGreaterThanOrEqualTo(9);
            assertThat(run.p50Ns()).isPositive().isLessThanOrEqualTo(run.p99Ns());
        });
        CFloor.Measured unknown = file.points().get(1);
        assertThat(unknown.runs()).isEmpty();
        assertThat(unknown.error()).contains("exit 2").contains("unknown mechanism carrier-pigeon");
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("1 points measured").contains("1 failed"));
    }
}
