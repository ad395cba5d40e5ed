package io.execbench.harness.read;

import static io.execbench.harness.Fixtures.AB_AA_ID;
import static io.execbench.harness.Fixtures.AB_DUET_ID;
import static io.execbench.harness.Fixtures.AB_REGRESSED_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.execbench.harness.Fixtures;
import io.execbench.harness.compare.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbSummaryTest {

    @Test
    void theVerdictsItCountsAreTheComparisonsOwnLabelsExceptMissing() {
        // Spelled out in read (which comes before compare); an A/B comparison has no "missing": both builds run all.
        assertThat(AbSummary.VERDICTS).containsExactlyElementsOf(Stream.of(Verdict.values())
                .filter(verdict -> verdict != Verdict.MISSING).map(Verdict::label).toList());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void readsTheBuildsProfileModeStartAndVerdictCountsOfARealComparison() throws Exception {
        AbSummary summary = AbSummary.read(abJson(AB_REGRESSED_ID));

        String commit = "8c270a0170c6f5a97ef1cb28925b0a23d503e008";
        assertThat(summary.a()).isEqualTo(new AbSummary.Build("8c270a0", commit));
        assertThat(summary.b()).isEqualTo(new AbSummary.Build("working tree (uncommitted changes)", commit));
        assertThat(summary.profile()).isEqualTo("quick");
        assertThat(summary.mode()).isEqualTo("interleaved");
        assertThat(summary.startedAt()).isEqualTo(Instant.parse("2026-12-02T03:25:17.062527807Z"));
        assertThat(summary.counts()).containsExactly(Map.entry("regressed", 3), Map.entry("improved", 0),
                Map.entry("unchanged", 2), Map.entry("noisy", 4), Map.entry("not comparable", 0));
    }

    /** Counted from ab.json's benchmarks, they are the counts verdict.json and verdict.md give. */
    @ParameterizedTest
    @ValueSource(strings = {AB_AA_ID, AB_REGRESSED_ID, AB_DUET_ID})
    void theCountsAreVerdictJsonsCounts(String id) throws Exception {
        JsonNode verdict = JSON.readTree(Fixtures.abResults().resolve("ab").resolve(id).resolve("verdict.json")
                .toFile());
        Map<String, Integer> expected = new LinkedHashMap<>();
        AbSummary.VERDICTS.forEach(label -> expected.put(label, verdict.path("counts").path(label).intValue()));
        assertThat(verdict.path("counts").path("missing").intValue()).isZero();

        assertThat(AbSummary.read(abJson(id)).counts()).containsExactlyEntriesOf(expected);
    }

    @Test
    void aFileFromBeforeDuetsHasNoModeAndWasInterleaved() throws Exception {
        Path file = edited(AB_DUET_ID, root -> root.remove("mode"));

        assertThat(AbSummary.read(file).mode()).isEqualTo("interleaved");
    }

    @Test
    void refusesWhatIsNotAnAbJsonItReadsInOneSentenceNamingTheFile() throws Exception {
        assertRefused(edited(AB_AA_ID, root -> root.put("kind", "run")), "kind is not \"ab\": not an A/B comparison");
        assertRefused(edited(AB_AA_ID, root -> root.put("formatVersion", 2)),
                "formatVersion 2 is not one this harness reads (1 to 1)");
        assertRefused(edited(AB_AA_ID, root -> root.remove("a")), "a is missing");
        assertRefused(edited(AB_AA_ID, root -> root.with("b").put("ref", 7)), "b.ref is not a string");
        assertRefused(edited(AB_AA_ID, root -> root.put("profile", "x".repeat(1001))),
                "profile is longer than 1000 characters");
        assertRefused(edited(AB_AA_ID, root -> root.put("startedAt", "yesterday")),
                "startedAt is not an ISO-8601 UTC instant");
        assertRefused(edited(AB_AA_ID, root -> ((ObjectNode) root.path("benchmarks").get(1)).put("verdict", "x")),
                "benchmark 2 has no verdict an A/B comparison gives (regressed, improved, unchanged, noisy, not"
                        + " comparable)");
        assertRefused(Files.writeString(temp.resolve("empty.json"), ""), "empty file, expected a JSON object");
        assertRefused(Files.writeString(temp.resolve("array.json"), "[]"), "expected a JSON object");
    }

    private static Path abJson(String id) {
        return Fixtures.abResults().resolve("ab").resolve(id).resolve(AbSummary.FILE_NAME);
    }

    private Path edited(String id, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(abJson(id).toFile());
        edit.accept(root);
        Path file = Files.createTempFile(temp, "ab", ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static void assertRefused(Path file, String problem) {
        assertThatThrownBy(() -> AbSummary.read(file)).isInstanceOf(RunReadException.class)
                .hasMessage(file + ": " + problem);
    }
}
