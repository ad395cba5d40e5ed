package io.execbench.loadgen;

import io.execbench.child.ProcessTree;
import io.execbench.files.QuietFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ApacheBench ({@code ab}, from apache2-utils) as the outside cross-check of the load generator: a tool everyone
 * knows, run against the same server, {@code ab -n <requests> -c <concurrency> http://127.0.0.1:<port><path>}. ab is
 * closed loop (each connection sends when the previous reply arrived), so it is compared with the generator's
 * closed-loop mode, never with the open-loop figures.
 *
 * <p>Never fails the caller: no ab on the PATH, a non-zero exit, a run past its time limit (killed), or output
 * that does not parse each give an {@link Outcome} without a result and with the reason. The child cannot outlive
 * this JVM: it runs under {@code setpriv --pdeathsig KILL} (or, without util-linux, coreutils' {@code timeout}, which
 * leaves an orphan at most the time limit: {@link #lifeline}), is killed with its descendants when the limit passes,
 * and this JVM's exit hook ({@link ProcessTree#stopOnExit()}) stops it otherwise.
 */
public final class ApacheBench {

    /** The most output read from ab (it prints a few KB). */
    static final int MAX_OUTPUT_BYTES = 1 << 20;
    /** The percentiles of ab's table. */
    public static final List<Integer> PERCENTILES = List.of(50, 66, 75, 80, 90, 95, 98, 99, 100);
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,15}(\\.\\d{1,9})?");
    private static final Pattern TABLE_ROW = Pattern.compile("\\s*(\\d{1,3})%\\s+(\\d{1,12})(\\s.*)?");
    private static final long KILL_WAIT_MS = 5_000;

    /**
     * What a run gave: ab's figures, or why there are none.
     *
     * @param result  the parsed output, when ab ran and printed a complete report
     * @param reason  why there is no result (null when there is one)
     * @param command the command line run (or that would have been)
     */
    public record Outcome(Optional<AbResult> result, String reason, String command) {
    }

    private ApacheBench() {
    }

    /** As {@link #run(int, String, int, int, boolean, Duration)} without keep-alive (ab's default). */
    public static Outcome run(int port, String path, int requests, int concurrency, Duration timeout) {
        return run(port, path, requests, concurrency, false, timeout);
    }

    /**
     * Runs ab against {@code 127.0.0.1:port}, killed after {@code timeout}.
     *
     * @param keepAlive adds {@code -k} (HTTP/1.0 keep-alive), which the closed-loop generator's keep-alive
     *                  connections compare with directly
     * @throws IllegalArgumentException for arguments ab would misread (a path with spaces, n < c, ...)
     */
    public static Outcome run(int port, String path, int requests, int concurrency, boolean keepAlive,
                              Duration timeout) {
        if (port < 1 || port > 65_535 || !SAFE_PATH.matcher(path).matches() || concurrency < 1
                || requests < concurrency || timeout.toMillis() < 1_000) {
            throw new IllegalArgumentException("ab needs a port in 1..65535 (" + port + "), a plain path ('" + path
                    + "'), 1 <= concurrency (" + concurrency + ") <= requests (" + requests + ") and a timeout of at"
                    + " least 1 s (" + timeout + ")");
        }
        List<String> argv = new ArrayList<>();
        long limitSec = Math.max(1, timeout.toSeconds());
        argv.addAll(lifeline(onPath("setpriv"), onPath("timeout"), limitSec));
        Optional<Path> ab = onPath("ab");
        argv.addAll(List.of(ab.map(Path::toString).orElse("ab"), "-q", "-n", Integer.toString(requests), "-c",
                Integer.toString(concurrency), "-s", Long.toString(Math.min(limitSec, 30))));
        if (keepAlive) {
            argv.add("-k");
        }
        argv.add("http://127.0.0.1:" + port + path);
        String command = String.join(" ", argv);
        if (ab.isEmpty()) {
            return new Outcome(Optional.empty(), "ab is not on the PATH (Debian: apt-get install apache2-utils)",
                    command);
        }
        return runAndParse(argv, command, timeout);
    }

    /**
     * What ab runs under so that it cannot outlive this JVM: util-linux's {@code setpriv --pdeathsig KILL} where it
     * exists (the kernel kills ab the moment the thread that started it, which waits for it, is gone, even after a
     * {@code kill -9} of this JVM); otherwise coreutils' {@code timeout}, which bounds an orphan to the time limit.
     */
    static List<String> lifeline(Optional<Path> setpriv, Optional<Path> timeoutTool, long limitSec) {
        if (setpriv.isPresent()) {
            return List.of(setpriv.get().toString(), "--pdeathsig", "KILL", "--");
        }
        return timeoutTool.map(tool -> List.of(tool.toString(), "--kill-after=2", limitSec + "s")).orElse(List.of());
    }

    private static Outcome runAndParse(List<String> argv, String command, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("execbench-ab-", ".out");
            err = Files.createTempFile("execbench-ab-", ".err");
            ProcessTree.stopOnExit();
            Process process = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(process);
                    return new Outcome(Optional.empty(), "ab did not finish within " + timeout.toMillis()
                            + " ms and was killed", command);
                }
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                return new Outcome(Optional.empty(), "interrupted while ab ran; ab was killed", command);
            }
            String stdout = head(out);
            if (process.exitValue() != 0) {
                return new Outcome(Optional.empty(), "ab exited with " + process.exitValue() + ": "
                        + quote(head(err).strip()), command);
            }
            try {
                return new Outcome(Optional.of(parse(stdout)), null, command);
            } catch (IllegalArgumentException e) {
                return new Outcome(Optional.empty(), e.getMessage(), command);
            }
        } catch (IOException e) {
            return new Outcome(Optional.empty(), "cannot run ab: " + e.getMessage(), command);
        } finally {
            QuietFiles.deleteQuietly(out);
            QuietFiles.deleteQuietly(err);
        }
    }

    /**
     * Reads ab's report (stdout).
     *
     * @throws IllegalArgumentException naming the first line or figure missing or not a number; nothing else
     */
    static AbResult parse(String output) {
        Map<String, String> fields = new HashMap<>();
        Map<Integer, Long> table = new HashMap<>();
        boolean inTable = false;
        for (String line : output.lines().limit(10_000).toList()) {
            if (line.startsWith("Percentage of the requests served within")) {
                inTable = true;
                continue;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (inTable && row.matches()) {
                table.put(Integer.parseInt(row.group(1)), Long.parseLong(row.group(2)));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (key.equals("Time per request") && value.contains("across all concurrent")) {
                    key = "Time per request (across all concurrent requests)";
                }
                fields.putIfAbsent(key, value);
            }
        }
        for (int percentile : PERCENTILES) {
            if (!table.containsKey(percentile)) {
                throw new IllegalArgumentException("ab output: no " + percentile + "% row in the table 'Percentage"
                        + " of the requests served within a certain time (ms)'");
            }
        }
        table.keySet().retainAll(PERCENTILES);
        return new AbResult(count(fields, "Complete requests"), count(fields, "Failed requests"),
                fields.containsKey("Non-2xx responses") ? count(fields, "Non-2xx responses") : 0,
                number(fields, "Requests per second"), number(fields, "Time per request"),
                number(fields, "Time per request (across all concurrent requests)"), table,
                (int) Math.min(Integer.MAX_VALUE, count(fields, "Concurrency Level")));
    }

    private static long count(Map<String, String> fields, String key) {
        String token = firstToken(fields, key);
        if (!token.matches("\\d{1,15}")) {
            throw new IllegalArgumentException("ab output: '" + key + "' is " + quote(token) + ", not a count");
        }
        return Long.parseLong(token);
    }

    private static double number(Map<String, String> fields, String key) {
        String token = firstToken(fields, key);
        if (!NUMBER.matcher(token).matches()) {
            throw new IllegalArgumentException("ab output: '" + key + "' is " + quote(token) + ", not a number");
        }
        return Double.parseDouble(token);
    }

    private static String firstToken(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("ab output: no '" + key + "' line");
        }
        String[] tokens = value.split("\\s+", 2);
        return tokens[0];
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue; // an empty entry means the working folder: not a place to pick a program from
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }

    // ab's text goes into a reason that reaches the console: short, one line, control characters escaped.
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("'");
        text.codePoints().limit(200).forEach(c -> {
            if (c == '\n') {
                quoted.append(" | ");
            } else if (Character.isISOControl(c)) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append(text.length() > 200 ? "...'" : "'").toString();
    }
}
