package io.execbench.harness.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JMH's JSON result format: a top-level array with one object per benchmark, mode and {@code @Param}
 * combination. The array is streamed and each element bound on its own, so a file of several MB (SampleTime
 * histograms) never exists as a tree in memory, and a problem is reported with the element's 1-based position.
 */
public final class JmhJsonReader {

    private JmhJsonReader() {
    }

    /** Reads every benchmark result in {@code file}, in file order. */
    public static List<BenchmarkResult> read(Path file) throws RunReadException {
        List<BenchmarkResult> results = new ArrayList<>();
        try (JsonParser parser = JsonProblems.MAPPER.createParser(
                InputFiles.open(file, InputFiles.JMH_JSON_MAX_BYTES))) {
            openArray(file, parser);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                int index = results.size() + 1;
                if (token != JsonToken.START_OBJECT) {
                    throw new RunReadException(file, "benchmark " + index + " is not a JSON object");
                }
                JmhResultJson json = bind(file, parser, index);
                results.add(JmhResultJson.toResult(file, index, json));
            }
            return results;
        } catch (JsonProcessingException e) {
            throw new RunReadException(file, JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw JsonProblems.unreadable(file, e);
        }
    }

    /**
     * Counts the benchmark results in {@code file} without binding them: each element is skipped as raw tokens,
     * which is how the run index stays cheap over many large files.
     */
    public static int count(Path file) throws RunReadException {
        try (JsonParser parser = JsonProblems.MAPPER.createParser(
                InputFiles.open(file, InputFiles.JMH_JSON_MAX_BYTES))) {
            openArray(file, parser);
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                parser.skipChildren();
                count++;
            }
            return count;
        } catch (JsonProcessingException e) {
            throw new RunReadException(file, JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw JsonProblems.unreadable(file, e);
        }
    }

    private static void openArray(Path file, JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new RunReadException(file, "empty file, expected a JSON array of benchmark results");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new RunReadException(file, "expected a JSON array of benchmark results");
        }
    }

    private static JmhResultJson bind(Path file, JsonParser parser, int index) throws IOException {
        try {
            return JsonProblems.MAPPER.readValue(parser, JmhResultJson.class);
        } catch (JsonProcessingException e) {
            String problem = JsonProblems.describe(e);
            // A truncated file is a property of the whole file, not of the element where the bytes ran out.
            throw new RunReadException(file, problem.startsWith("truncated") ? problem
                    : "benchmark " + index + ": " + problem, e);
        }
    }
}
