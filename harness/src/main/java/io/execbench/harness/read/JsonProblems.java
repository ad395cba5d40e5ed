package io.execbench.harness.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Jackson set-up shared by the readers, and parse and I/O failures turned into one-line, human messages. */
final class JsonProblems {

    /**
     * Thread-safe once configured. Unknown fields are ignored because the contract lets later versions add fields
     * without a schema bump, and because other JMH versions add their own. Jackson's stream constraints (nesting
     * depth 1000, number length 1000) bound the parser's work on hostile input.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // A null among numbers is damage, not a zero: without this Jackson reads [null] as [0.0].
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /** How much of a parser's message is repeated: enough to find the spot, not a page of the file. */
    private static final int MAX_DETAIL_CHARS = 160;

    private JsonProblems() {
    }

    /**
     * Describes why a JSON file could not be parsed, e.g.
     * {@code truncated JSON (unexpected end of input at line 40, column 3)}.
     */
    static String describe(JsonProcessingException e) {
        String where = where(e.getLocation());
        if (isTruncation(e)) {
            return "truncated JSON (unexpected end of input" + where + ")";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String message = e.getOriginalMessage();
            String what = message != null && message.startsWith("Cannot coerce `null`") ? "null where a number belongs"
                    : e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                            ? "expected " + kind(mismatch.getTargetType()) : firstLine(message);
            return "unexpected value at " + path(mapping) + where + " (" + what + ")";
        }
        return "malformed JSON (" + firstLine(e.getOriginalMessage()) + where + ")";
    }

    /** What a person calls the JSON a Java type binds from: "a number", "an array", "an object". */
    private static String kind(Class<?> type) {
        if (type.isArray() || List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    /** Jackson reports the end of input from the parser or, inside data binding, as a mismatched input. */
    private static boolean isTruncation(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return true;
        }
        String message = e.getOriginalMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("unexpected end-of-input");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A field path as a person writes it: {@code primaryMetric.scoreConfidence[1]}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    /** The first line of Jackson's message, cut short: it quotes the offending token, which is file content. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS) + "...";
    }

    /**
     * Parses {@code file}, a regular file of at most {@code maxBytes}, into a tree; a parse or I/O failure becomes a
     * {@link RunReadException} naming it.
     */
    static JsonNode readTree(Path file, long maxBytes) throws RunReadException {
        try (InputStream in = InputFiles.open(file, maxBytes)) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new RunReadException(file, describe(e), e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** An I/O failure as a reading problem of {@code file}; a missing file says so plainly. */
    static RunReadException unreadable(Path file, IOException e) {
        if (e instanceof RunReadException known) {
            return known;
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return new RunReadException(file, "missing", e);
        }
        return new RunReadException(file, "cannot read (" + e + ")", e);
    }
}
