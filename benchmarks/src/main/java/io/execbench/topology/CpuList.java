package io.execbench.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * The Linux CPU list format of sysfs and /proc/self/status: comma-separated CPU numbers and inclusive ranges,
 * e.g. {@code 0-3,8,10-11}, optionally with a stride as in {@code 0-15:2}.
 */
public final class CpuList {

    private CpuList() {
    }

    /**
     * Expands a CPU list into ascending CPU numbers.
     *
     * @throws IllegalArgumentException naming the text when it is not a CPU list
     */
    public static List<Integer> parse(String text) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : text.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                String[] rangeAndStride = part.trim().split(":");
                String[] range = rangeAndStride[0].split("-");
                int first = Integer.parseInt(range[0].trim());
                int last = range.length == 1 ? first : Integer.parseInt(range[1].trim());
                int stride = rangeAndStride.length == 1 ? 1 : Integer.parseInt(rangeAndStride[1].trim());
                if (last < first || stride < 1) {
                    throw new NumberFormatException("empty range");
                }
                for (int cpu = first; cpu <= last; cpu += stride) {
                    cpus.add(cpu);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a Linux CPU list: '" + text.trim() + "'", e);
            }
        }
        return cpus.stream().distinct().sorted().toList();
    }

    /** The shortest CPU list for {@code cpus}: {@code [0, 1, 2, 5]} gives {@code 0-2,5}. */
    public static String format(List<Integer> cpus) {
        List<Integer> sorted = cpus.stream().distinct().sorted().toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(sorted.get(i));
            if (j > i) {
                text.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return text.toString();
    }
}
