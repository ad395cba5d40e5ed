package io.execbench.harness.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lenient readings of JSON tree nodes into text, for fields whose exact JSON type does not matter to a report. */
final class JsonFields {

    private JsonFields() {
    }

    /** A scalar as text ({@code 1.5} and {@code "1.5"} read alike); an object or array as its JSON; null if absent. */
    static String textOrNull(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** An object's fields as name to text, in file order; empty if absent. */
    static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(entry -> {
            String text = textOrNull(entry.getValue());
            out.put(entry.getKey(), text == null ? "null" : text);
        });
        return out;
    }

    /**
     * An array of strings; a single string reads as a one-element list, because a JVM's flags are as often
     * recorded as one command line as they are as a list.
     */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> out.add(element.isValueNode() ? element.asText() : element.toString()));
        } else if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
