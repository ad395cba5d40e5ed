import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/*
 * Writes the synthetic server fixture (../server/server/*.json and ../server/latency/server-*.hlog) from a small
 * queueing model of a 2-CPU machine: 50 us cheap requests, 10 ms heavy ones; a loop model delays a cheap request by
 * the rest of a heavy one with the probability that the loop is busy with heavy work. Not compiled by the build:
 *   java -cp <HdrHistogram-2.2.2.jar> ServerFixture.java <fixture run folder>
 * The numbers are invented to look like such a machine, until a recorded run replaces them.
 */
public class ServerFixture {

    static final double[] LADDER = {250, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000};
    static final double[] SHARES = {0, 0.01, 0.1};
    static final double HEAVY_MS = 10.1;
    static final double MEASURED_MS = 2000;
    static final int INTERVALS = 8;
    static final double INTERVAL_MS = MEASURED_MS / INTERVALS;
    static final double HLOG_RATE = 1500;

    record Config(String label, String model, Integer pool, int processes, double[] sustainable,
                  double capacityPerSec) {
    }

    static final List<Config> CONFIGS = List.of(
            new Config("eventLoop", "eventLoop", null, 1, new double[] {10000, 3000, 750}, 92),
            new Config("loopOffload-4", "loopOffload", 4, 1, new double[] {10000, 5000, 1500}, 172),
            new Config("loopOffload-2", "loopOffload", 2, 1, new double[] {10000, 5000, 1500}, 180),
            new Config("threadPool", "threadPool", 20, 1, new double[] {7500, 5000, 1500}, 176),
            new Config("virtual", "virtual", null, 1, new double[] {10000, 5000, 1500}, 172),
            new Config("processes-1", "processes", null, 1, new double[] {10000, 3000, 750}, 88),
            new Config("processes-2", "processes", null, 2, new double[] {20000, 5000, 1500}, 168));

    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]);
        Files.createDirectories(run.resolve("server"));
        Files.createDirectories(run.resolve("latency"));
        Random random = new Random(20261202);
        for (Config config : CONFIGS) {
            List<String> steps = new ArrayList<>();
            for (int m = 0; m < SHARES.length; m++) {
                for (double rate : LADDER) {
                    boolean ok = rate <= config.sustainable()[m];
                    steps.add(step(run, config, SHARES[m], rate, ok, random));
                    if (!ok) {
                        break; // the sweep stops one step past saturation
                    }
                }
            }
            String pool = config.pool() == null ? "null" : config.pool().toString();
            String json = "{\n  \"schema\": 1, \"model\": \"" + config.model() + "\", \"label\": \"" + config.label()
                    + "\", \"poolSize\": " + pool + ", \"processes\": " + config.processes()
                    + ",\n  \"heavyKernel\": \"alu\", \"heavyWorkUnits\": 2400000, \"heavyMs\": " + HEAVY_MS
                    + ", \"connections\": 20,\n  \"serverCpus\": [0, 1], \"generatorCpus\": [0, 1], \"pinned\": false,"
                    + "\n  \"p99BoundMs\": 100.0,\n  \"steps\": [\n" + String.join(",\n", steps) + "\n  ],\n"
                    + "  \"capacity\": " + capacity(config) + ",\n"
                    + "  \"notes\": [\"generator and server share CPUs 0-1: the machine has 2\"]\n}\n";
            Files.writeString(run.resolve("server").resolve(config.label() + ".json"), json);
        }
    }

    /**
     * The closed-loop heavy-only run: a steady rate with one completion of jitter per interval, and a first interval
     * that counts only what completes after one round trip (connections / rate), as the real generator's does (it
     * counts no request sent during warm-up). Its own random numbers, so the steps stay as they were.
     */
    static String capacity(Config config) {
        Random random = new Random(config.label().hashCode());
        double roundTripMs = 20 * 1000.0 / config.capacityPerSec();
        double perInterval = config.capacityPerSec() * INTERVAL_MS / 1000;
        List<String> rates = new ArrayList<>();
        long completed = 0;
        for (int i = 0; i < INTERVALS; i++) {
            long count = i == 0 ? Math.round(perInterval * (INTERVAL_MS - roundTripMs) / INTERVAL_MS)
                    : Math.round(perInterval) + random.nextInt(3) - 1;
            completed += count;
            rates.add(String.format(Locale.ROOT, "%.1f", count * 1000.0 / INTERVAL_MS));
        }
        double measuredMs = MEASURED_MS + roundTripMs;
        return String.format(Locale.ROOT, "{ \"heavyShare\": 1.0, \"connections\": 20, \"requestsPerSec\": %.2f, "
                + "\"measuredMs\": %.2f, \"completed\": %d, \"errors\": 0, \"timeouts\": 0,\n"
                + "                \"intervalPerSec\": [%s] }", completed * 1000.0 / measuredMs, measuredMs, completed,
                String.join(", ", rates));
    }

    static String step(Path run, Config config, double share, double rate, boolean ok, Random random)
            throws IOException {
        boolean loop = config.model().equals("eventLoop") || config.model().equals("processes");
        double perProcess = rate / config.processes();
        double busyHeavy = perProcess * share * HEAVY_MS / 1000; // share of time a loop runs heavy work
        double cpus = loop ? 1 : 2;
        double utilisation = Math.min(0.9, perProcess * ((1 - share) * 50e-6 + share * HEAVY_MS / 1000) / cpus);
        double baseUs = switch (config.model()) {
            case "threadPool" -> 90;
            case "virtual" -> 80;
            case "loopOffload" -> 70;
            default -> 60;
        };
        int total = (int) (rate * MEASURED_MS / 1000);
        Histogram[] cheap = new Histogram[INTERVALS];
        Histogram[] heavy = new Histogram[INTERVALS];
        for (int i = 0; i < INTERVALS; i++) {
            cheap[i] = new Histogram(3);
            heavy[i] = new Histogram(3);
        }
        for (int n = 0; n < total; n++) {
            int interval = n * INTERVALS / total;
            double progress = n / (double) total;
            boolean isHeavy = random.nextDouble() < share;
            double us = baseUs * Math.exp(0.3 * random.nextGaussian()) / (1 - utilisation);
            if (isHeavy) {
                us += HEAVY_MS * 1000 * Math.exp(0.05 * random.nextGaussian());
            }
            if (loop && random.nextDouble() < busyHeavy) {
                us += random.nextDouble() * HEAVY_MS * 1000;
                if (random.nextDouble() < busyHeavy) {
                    us += HEAVY_MS * 1000; // a second heavy request queued before it
                }
            } else if (!loop && random.nextDouble() < Math.min(0.5, 0.3 * rate * share * HEAVY_MS / 1000)) {
                us += random.nextDouble() * 400; // a heavy thread holds the CPU for part of a time slice
            }
            if (!ok) {
                us += progress * 300_000 * random.nextDouble(); // the queue grows through the step
            }
            (isHeavy ? heavy : cheap)[interval].recordValue(Math.max(1, (long) (us * 1000)));
        }
        StringBuilder routes = new StringBuilder();
        routes.append(route("cheap", cheap));
        if (share > 0) {
            routes.append(",\n        ").append(route("heavy", heavy));
        }
        String lag = "null";
        if (!config.model().equals("threadPool") && !config.model().equals("virtual")) {
            Histogram lags = new Histogram(3);
            for (int n = 0; n < MEASURED_MS; n++) {
                double us = 40 * Math.exp(0.4 * random.nextGaussian());
                if (loop && random.nextDouble() < busyHeavy) {
                    us += random.nextDouble() * HEAVY_MS * 1000;
                }
                if (!ok) {
                    us += n / MEASURED_MS * 200_000 * random.nextDouble();
                }
                lags.recordValue(Math.max(1, (long) (us * 1000)));
            }
            lag = String.format(Locale.ROOT, "{ \"count\": %d, \"p50Us\": %.1f, \"p99Us\": %.1f, \"p999Us\": %.1f, "
                    + "\"maxUs\": %.1f }", lags.getTotalCount(), us(lags.getValueAtPercentile(50)),
                    us(lags.getValueAtPercentile(99)), us(lags.getValueAtPercentile(99.9)), us(lags.getMaxValue()));
        }
        String hlog = "null";
        int percent = (int) Math.round(share * 100);
        if (rate == HLOG_RATE) {
            String name = "server-" + config.label() + "-h" + percent + "@" + (int) rate + ".hlog";
            hlog = "\"" + name + "\"";
            // one log named but not written: the report must say so instead of drawing it
            if (!(config.label().equals("threadPool") && percent == 1)) {
                writeHlog(run.resolve("latency").resolve(name), cheap, heavy);
            }
        }
        long completed = total;
        double achieved = ok ? rate * (0.995 + 0.004 * random.nextDouble()) : rate * 0.82;
        long timeouts = ok ? 0 : total / 20;
        return String.format(Locale.ROOT, "    { \"heavyShare\": %s, \"offeredPerSec\": %.1f, \"achievedPerSec\": %.1f,"
                + " \"measuredMs\": %.1f, \"completed\": %d, \"errors\": 0, \"timeouts\": %d, \"generatorCpuMs\": %.1f,"
                + "\n      \"routes\": { %s },\n      \"loopLag\": %s, \"hlog\": %s }", share, rate, achieved,
                MEASURED_MS, completed, timeouts, rate * MEASURED_MS / 1000 * 0.02, routes, lag, hlog);
    }

    static String route(String name, Histogram[] intervals) {
        Histogram all = new Histogram(3);
        List<String> p99s = new ArrayList<>();
        for (Histogram h : intervals) {
            all.add(h);
            if (h.getTotalCount() > 0) {
                p99s.add(String.format(Locale.ROOT, "%.1f", us(h.getValueAtPercentile(99))));
            }
        }
        return String.format(Locale.ROOT, "\"%s\": { \"count\": %d, \"meanUs\": %.1f, \"p50Us\": %.1f, \"p90Us\": %.1f,"
                + " \"p99Us\": %.1f, \"p999Us\": %.1f, \"maxUs\": %.1f, \"intervalP99Us\": [%s] }", name,
                all.getTotalCount(), all.getMean() / 1000, us(all.getValueAtPercentile(50)),
                us(all.getValueAtPercentile(90)), us(all.getValueAtPercentile(99)), us(all.getValueAtPercentile(99.9)),
                us(all.getMaxValue()), String.join(", ", p99s));
    }

    static void writeHlog(Path file, Histogram[] cheap, Histogram[] heavy) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(1796198400000L);
            writer.outputLegend();
            for (int i = 0; i < cheap.length; i++) {
                long start = i * 250L;
                for (Histogram h : new Histogram[] {cheap[i], heavy[i]}) {
                    if (h.getTotalCount() == 0) {
                        continue;
                    }
                    h.setTag(h == cheap[i] ? "cheap" : "heavy");
                    h.setStartTimeStamp(start);
                    h.setEndTimeStamp(start + 250);
                    writer.outputIntervalHistogram(h);
                }
            }
        }
    }

    static double us(long ns) {
        return ns / 1000.0;
    }
}
