package fixture;

import java.io.PrintStream;
import java.nio.file.*;
import java.util.concurrent.*;
import org.HdrHistogram.*;

/**
 * Writes a tagged HdrHistogram interval log (values in nanoseconds): the latency of handing one ~1 us task to
 * inline / fixedPool / virtual, 4 intervals of 250 ms per tag. Usage: HandOffLog OUT.hlog
 */
public class HandOffLog {
    public static void main(String[] args) throws Exception {
        String[] tags = {"inline", "fixedPool", "virtual"};
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            long startMs = System.currentTimeMillis();
            writer.outputComment("execbench report fixture: hand-off latency of a ~1 us task, values in ns");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputLegend();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
            long seed = 1;
            for (int interval = 0; interval < 4; interval++) {
                for (String tag : tags) {
                    Histogram h = new Histogram(3_600_000_000_000L, 3);
                    long beginMs = System.currentTimeMillis();
                    h.setStartTimeStamp(beginMs);
                    while (System.currentTimeMillis() - beginMs < 250) {
                        long s = seed++;
                        long t0 = System.nanoTime();
                        long r = switch (tag) {
                            case "inline" -> ModelBench.work(s, 300);
                            case "fixedPool" -> pool.submit(() -> ModelBench.work(s, 300)).get();
                            default -> virtual.submit(() -> ModelBench.work(s, 300)).get();
                        };
                        h.recordValue(System.nanoTime() - t0);
                        if (r == 42) System.out.print("");
                    }
                    h.setEndTimeStamp(System.currentTimeMillis());
                    h.setTag(tag);
                    writer.outputIntervalHistogram(h);
                }
            }
            pool.shutdownNow();
            virtual.shutdownNow();
        }
    }
}
