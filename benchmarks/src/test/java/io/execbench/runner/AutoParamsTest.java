package io.execbench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

class AutoParamsTest {

    /** Sizes that differ per profile, so a test can tell which profile was asked. */
    static final class Sizes implements AutoParams {
        @Override
        public List<String> values(String param, Profile profile) {
            if (!param.equals("size")) {
                throw new IllegalArgumentException("no automatic values for @Param " + param);
            }
            return switch (profile) {
                case FULL -> List.of("3", "30");
                case QUICK -> List.of("2", "20");
                case SMOKE, TEST -> List.of("1");
            };
        }
    }

    @BeforeEach
    @AfterEach
    void clearProfile() { // another test class of this JVM may have left one set
        System.clearProperty(AutoParams.PROFILE_PROPERTY);
    }

    @Test
    void anExplicitValuePassesThrough() {
        System.setProperty(AutoParams.PROFILE_PROPERTY, "full");

        assertThat(new Sizes().resolve("size", "7")).isEqualTo("7");
    }

    @Test
    void autoUnderPlainJmhIsTheFirstValueOfTheDefaultProfile() {
        assertThat(AutoParams.profileOfThisJvm()).isEqualTo(Profile.QUICK);
        assertThat(new Sizes().resolve("size", "auto")).isEqualTo("2");
    }

    @Test
    void autoFollowsTheProfileNamedByTheSystemProperty() {
        System.setProperty(AutoParams.PROFILE_PROPERTY, "full");

        assertThat(new Sizes().resolve("size", "auto")).isEqualTo("3");
    }

    @Test
    void anUnknownProfileOrParamIsAnError() {
        assertThatThrownBy(() -> new Sizes().resolve("threads", "auto")).hasMessageContaining("@Param threads");
        System.setProperty(AutoParams.PROFILE_PROPERTY, "huge");
        assertThatThrownBy(() -> new Sizes().resolve("size", "auto")).hasMessageContaining("unknown profile 'huge'");
    }

    @Test
    void everySuiteWithAnAutoParamImplementsAutoParamsWithValuesInEveryProfile() {
        Set<BenchmarkListEntry> entries = BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                        VerboseMode.SILENT), List.of());
        List<BenchmarkListEntry> withAuto = entries.stream().filter(e -> e.getParams().orElse(Map.of())
                .values().stream().anyMatch(values -> Arrays.asList(values).contains(AutoParams.AUTO))).toList();

        assertThat(withAuto).isNotEmpty();
        for (BenchmarkListEntry entry : withAuto) {
            AutoParams suite = BenchmarkPlan.suite(entry.getUserClassQName()).orElseThrow(
                    () -> new AssertionError(entry.getUserClassQName() + " has @Param(\"auto\") but is no AutoParams"));
            entry.getParams().orElse(Map.of()).forEach((param, values) -> {
                if (Arrays.asList(values).contains(AutoParams.AUTO)) {
                    for (Profile profile : Profile.values()) {
                        assertThat(suite.values(param, profile)).as("%s %s %s", entry.getUsername(), param, profile)
                                .isNotEmpty().doesNotContain(AutoParams.AUTO);
                    }
                    assertThat(suite.resolve(param, AutoParams.AUTO)).as(entry.getUsername() + " " + param)
                            .isEqualTo(suite.values(param, Profile.QUICK).getFirst());
                }
            });
        }
    }
}
