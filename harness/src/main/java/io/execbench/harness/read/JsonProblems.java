package io.execbench.harness.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** Jackson set-up shared by the readers, and parse and I/O failures turned into one-line, human messages. */
final class JsonProblems {

    /**
     * Thread-safe once configured. Unknown fields are ignored because the contract lets later versions add fields
     * without a schema bump, and because other JMH versions add their own.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
            return "unexpected value at " + path(mapping) + where + " (" + firstLine(e.getOriginalMessage()) + ")";
        }
        return "malformed JSON (" + firstLine(e.getOriginalMessage()) + where + ")";
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

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Parses {@code file} into a tree; a parse or I/O failure becomes a {@link RunReadException} naming it. */
    static JsonNode readTree(Path file) throws RunReadException {
        try {
            return MAPPER.readTree(file.toFile());
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
