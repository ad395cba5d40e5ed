package io.execbench.process;

import io.execbench.child.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which of the JDK's process launch mechanisms on Linux ({@code -Djdk.lang.Process.launchMechanism=}) this JDK
 * accepts. The JDK reads the property once, when {@code java.lang.ProcessImpl} is initialised, and a mechanism it
 * does not know (or no longer offers) fails that initialisation for good: nothing a JMH fork could recover from.
 * So each candidate is tried in a child JVM of its own ({@link #main}: start {@code /bin/true} and wait), and a
 * refused one is left out of the plan with the JDK's own reason instead of failing a benchmark.
 *
 * <p>Probed once per JVM, and only when asked (the planner asks when a launch benchmark is planned): three small JVM
 * starts, run at the same time.
 */
public final class LaunchMechanisms {

    /** The system property the JDK reads. */
    public static final String PROPERTY = "jdk.lang.Process.launchMechanism";
    /** Every mechanism JDK 25 names on Linux, the default first. */
    public static final List<String> CANDIDATES = List.of("POSIX_SPAWN", "FORK", "VFORK");
    static final int EXIT_REFUSED = 3;
    private static final long PROBE_WAIT_S = 60;
    private static final int REASON_CHARS = 300;

    /**
     * What the probe found.
     *
     * @param accepted the mechanisms that started a process, in {@link #CANDIDATES} order
     * @param notes    one sentence per mechanism that was refused or warned about, for run.json and the report
     */
    public record Probe(List<String> accepted, List<String> notes) {
        public Probe {
            accepted = List.copyOf(accepted);
            notes = List.copyOf(notes);
        }
    }

    private static Probe probed;

    private LaunchMechanisms() {
    }

    /** The probe of {@link #CANDIDATES}, run on the first call. */
    public static synchronized Probe probe() {
        if (probed == null) {
            probed = probe(CANDIDATES);
        }
        return probed;
    }

    /** The notes of the probe if it has run in this JVM, else none: the runner records them without probing. */
    public static synchronized List<String> notesIfProbed() {
        return probed == null ? List.of() : probed.notes();
    }

    /** Tries each of {@code mechanisms} in a child JVM of its own, all at once. */
    static Probe probe(List<String> mechanisms) {
        List<Process> children = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            for (String mechanism : mechanisms) {
                List<String> argv = ChildJvm.argv(List.of("-D" + PROPERTY + "=" + mechanism, "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1"), LaunchMechanisms.class.getName(), List.of());
                children.add(ChildJvm.start(new ProcessBuilder(argv).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.PIPE)));
            }
            for (int i = 0; i < mechanisms.size(); i++) {
                String mechanism = mechanisms.get(i);
                Process child = children.get(i);
                String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!child.waitFor(PROBE_WAIT_S, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                    notes.add(mechanism + ": not measured: the probe JVM did not finish within " + PROBE_WAIT_S + " s.");
                } else if (child.exitValue() == 0) {
                    accepted.add(mechanism);
                    if (output.toUpperCase(java.util.Locale.ROOT).contains("DEPRECATED")) {
                        notes.add(mechanism + ": measured, but this JDK calls it deprecated: "
                                + firstLine(output) + ".");
                    }
                } else {
                    notes.add(mechanism + ": not measured: this JDK refuses it (" + reason(output) + ").");
                }
            }
        } catch (IOException e) {
            notes.add("launch mechanisms: the probe JVM could not be started (" + e.getMessage() + "); only "
                    + mechanisms.getFirst() + " is measured.");
            accepted = new ArrayList<>(List.of(mechanisms.getFirst()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing the launch mechanisms", e);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
        if (accepted.isEmpty()) {
            throw new IllegalStateException("this JDK accepts none of the launch mechanisms " + mechanisms + ": "
                    + String.join(" ", notes));
        }
        return new Probe(accepted, notes);
    }

    private static String firstLine(String output) {
        return output.lines().findFirst().orElse("").strip();
    }

    /** The JDK's message, without the stack trace, bounded. */
    private static String reason(String output) {
        String line = output.lines().filter(l -> l.contains("Error") || l.contains("not a supported")).findFirst()
                .orElse(firstLine(output)).strip();
        if (line.isEmpty()) {
            return "no message";
        }
        return line.length() > REASON_CHARS ? line.substring(0, REASON_CHARS) + "..." : line;
    }

    /** The probe child: start {@code /bin/true} with this JVM's launch mechanism; exit 0, or 3 with the reason. */
    public static void main(String[] args) throws InterruptedException {
        try {
            int exit = new ProcessBuilder("/bin/true").start().waitFor();
            System.exit(exit == 0 ? 0 : EXIT_REFUSED);
        } catch (IOException | Error e) {
            System.err.println(e);
            System.exit(EXIT_REFUSED);
        }
    }
}
