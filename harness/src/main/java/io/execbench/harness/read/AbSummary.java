package io.execbench.harness.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an A/B comparison's {@code ab.json} (results contract, format version {@value #SUPPORTED_FORMAT_VERSION};
 * written by {@code compare/ab/AbResults}, whose Javadoc shows the layout) says about the comparison as a whole: the
 * two builds, the profile, the mode asked for, when it started, and how many benchmarks got each verdict. ab.json
 * holds all of that; verdict.json has the counts too but neither the profile, the mode nor the start, so only
 * ab.json is read. It is streamed: the pairs, nearly all of the file, are skipped as raw tokens and never held.
 *
 * @param a         build A, the baseline
 * @param b         build B, the candidate
 * @param profile   the profile, as recorded ({@code quick})
 * @param mode      what was asked: {@code interleaved}, {@code duet} or {@code auto}; {@code interleaved} for a file
 *                  from before duets existed, which has no such field
 * @param startedAt when the comparison started
 * @param counts    per verdict in {@link #VERDICTS}, in that order, how many benchmarks got it
 */
public record AbSummary(Build a, Build b, String profile, String mode, Instant startedAt, Map<String, Integer> counts) {

    public static final String FILE_NAME = "ab.json";

    /** The newest format version of ab.json this harness reads. */
    public static final int SUPPORTED_FORMAT_VERSION = 1;

    /**
     * The verdicts an A/B comparison gives, in the order verdict.json counts them: compare's labels, spelled out here
     * because reading comes before comparing (AbSummaryTest keeps the two the same).
     */
    public static final List<String> VERDICTS = List.of("regressed", "improved", "unchanged", "noisy",
            "not comparable");

    /** Longest text field kept: a git ref or commit, a profile or mode name are far shorter. */
    private static final int MAX_TEXT_CHARS = 1000;

    /** One build as the comparison recorded it: the ref asked for ({@code HEAD}, {@code working tree}), its commit. */
    public record Build(String ref, String commit) {
    }

    public AbSummary {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** How many benchmarks got {@code verdict}. */
    public int count(String verdict) {
        return counts.getOrDefault(verdict, 0);
    }

    /**
     * Reads {@code file}, a regular file of at most {@link InputFiles#AB_JSON_MAX_BYTES}.
     *
     * @throws RunReadException naming the file when it is not ab.json of a supported version
     */
    public static AbSummary read(Path file) throws RunReadException {
        try (JsonParser parser = JsonProblems.MAPPER.createParser(
                InputFiles.open(file, InputFiles.AB_JSON_MAX_BYTES))) {
            return new Fields(file, parser).read();
        } catch (JsonProcessingException e) {
            throw new RunReadException(file, JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw JsonProblems.unreadable(file, e);
        }
    }

    /** One pass over the top-level object, keeping the fields the summary needs and skipping the rest. */
    private record Fields(Path file, JsonParser parser) {

        AbSummary read() throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw problem("empty file, expected a JSON object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw problem("expected a JSON object");
            }
            Integer version = null;
            String kind = null;
            String profile = null;
            String mode = null;
            String startedAt = null;
            Build a = null;
            Build b = null;
            Map<String, Integer> counts = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "formatVersion" -> version = integer(field);
                    case "kind" -> kind = text(field);
                    case "profile" -> profile = text(field);
                    case "mode" -> mode = text(field);
                    case "startedAt" -> startedAt = text(field);
                    case "a" -> a = build(field);
                    case "b" -> b = build(field);
                    case "benchmarks" -> counts = counts();
                    default -> parser.skipChildren();
                }
            }
            if (version == null) {
                throw problem("formatVersion is missing");
            }
            if (version < 1 || version > SUPPORTED_FORMAT_VERSION) {
                throw problem("formatVersion " + version + " is not one this harness reads (1 to "
                        + SUPPORTED_FORMAT_VERSION + ")");
            }
            if (!"ab".equals(kind)) {
                throw problem("kind is not \"ab\": not an A/B comparison");
            }
            return new AbSummary(required(a, "a"), required(b, "b"), required(profile, "profile"),
                    mode == null ? "interleaved" : mode, instant(required(startedAt, "startedAt")),
                    required(counts, "benchmarks"));
        }

        private Build build(String field) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw problem(field + " is not an object");
            }
            String ref = null;
            String commit = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "ref" -> ref = text(field + ".ref");
                    case "commit" -> commit = text(field + ".commit");
                    default -> parser.skipChildren();
                }
            }
            return new Build(required(ref, field + ".ref"), required(commit, field + ".commit"));
        }

        /** Counts the benchmarks' verdicts, skipping everything else of each (its pairs above all). */
        private Map<String, Integer> counts() throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw problem("benchmarks is not an array");
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            VERDICTS.forEach(verdict -> counts.put(verdict, 0));
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                index++;
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw problem("benchmark " + index + " is not an object");
                }
                String verdict = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals("verdict")) {
                        verdict = text("benchmark " + index + " verdict");
                    } else {
                        parser.skipChildren();
                    }
                }
                if (verdict == null || !counts.containsKey(verdict)) {
                    throw problem("benchmark " + index + " has no verdict an A/B comparison gives ("
                            + String.join(", ", VERDICTS) + ")");
                }
                counts.merge(verdict, 1, Integer::sum);
            }
            return counts;
        }

        /** A string, or null for JSON null; its value is not quoted in a problem, being file content. */
        private String text(String field) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.VALUE_STRING) {
                throw problem(field + " is not a string");
            }
            if (parser.getTextLength() > MAX_TEXT_CHARS) {
                throw problem(field + " is longer than " + MAX_TEXT_CHARS + " characters");
            }
            return parser.getText();
        }

        private Integer integer(String field) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                    || parser.getNumberType() != JsonParser.NumberType.INT) {
                throw problem(field + " is not an integer");
            }
            return parser.getIntValue();
        }

        private Instant instant(String text) throws RunReadException {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw problem("startedAt is not an ISO-8601 UTC instant");
            }
        }

        private <T> T required(T value, String field) throws RunReadException {
            if (value == null) {
                throw problem(field + " is missing");
            }
            return value;
        }

        private RunReadException problem(String what) {
            return new RunReadException(file, what);
        }
    }
}
