package io.execbench.harness.analyse;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Names a {@code @Param} combination in one line, the same way in charts and tables: {@code size=10, label=x}. */
public final class ParamLabel {

    /** What a benchmark without parameters is called. */
    public static final String NO_PARAMS = "(no params)";

    private ParamLabel() {
    }

    /** {@code name=value} pairs in name order, comma separated; {@link #NO_PARAMS} for none. Not escaped. */
    public static String of(Map<String, String> params) {
        if (params.isEmpty()) {
            return NO_PARAMS;
        }
        return new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
