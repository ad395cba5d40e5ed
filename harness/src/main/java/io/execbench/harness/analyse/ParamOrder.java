package io.execbench.harness.analyse;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orders {@code @Param} combinations the way a person reads a sweep: parameter by parameter in name order, each
 * value numerically when both are numbers ({@code 2 < 10 < 100}, where text order would give {@code 10 < 100 < 2}),
 * otherwise as text. A combination lacking a parameter sorts before one that has it.
 */
public final class ParamOrder implements Comparator<Map<String, String>> {

    /** The single instance; stateless. */
    public static final ParamOrder INSTANCE = new ParamOrder();

    private ParamOrder() {
    }

    @Override
    public int compare(Map<String, String> left, Map<String, String> right) {
        Iterator<Map.Entry<String, String>> a = new TreeMap<>(left).entrySet().iterator();
        Iterator<Map.Entry<String, String>> b = new TreeMap<>(right).entrySet().iterator();
        while (a.hasNext() && b.hasNext()) {
            Map.Entry<String, String> x = a.next();
            Map.Entry<String, String> y = b.next();
            int byName = x.getKey().compareTo(y.getKey());
            if (byName != 0) {
                return -byName; // the side that has the earlier name has a parameter the other lacks
            }
            int byValue = compareValues(x.getValue(), y.getValue());
            if (byValue != 0) {
                return byValue;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    /** Numbers before text, numbers by value, text by text (so the order is total and stable). */
    static int compareValues(String x, String y) {
        BigDecimal nx = number(x);
        BigDecimal ny = number(y);
        if (nx != null && ny != null) {
            int byValue = nx.compareTo(ny);
            return byValue != 0 ? byValue : x.compareTo(y);
        }
        if (nx != null || ny != null) {
            return nx != null ? -1 : 1;
        }
        return String.valueOf(x).compareTo(String.valueOf(y));
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isEmpty() || text.length() > 100) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null; // not a number: compared as text
        }
    }
}
