package io.execbench.floor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a C compiler on the {@code PATH} ({@code cc}, then {@code gcc}, then {@code clang}) and builds the C floor
 * with it. A machine without one is normal (a slim container, a CI image): the caller says so and goes on.
 */
final class CCompiler {

    static final String SOURCE = "ipc_pingpong.c";
    private static final List<String> NAMES = List.of("cc", "gcc", "clang");
    private static final long TIMEOUT_SECONDS = 60;

    /** A compiled floor program, or the one sentence saying why there is none. */
    record Build(Path binary, String compiler, String problem) {
        boolean ok() {
            return binary != null;
        }
    }

    private CCompiler() {
    }

    /** The first of cc, gcc, clang that is an executable file on {@code path} (the PATH variable's value). */
    static Optional<Path> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Writes the source into {@code dir} and compiles it there with {@code -O2}, the compiler found on {@code path}. */
    static Build build(Path dir, String path) {
        Optional<Path> compiler = find(path);
        if (compiler.isEmpty()) {
            return new Build(null, null, "no C compiler (cc, gcc or clang) on PATH");
        }
        Path cc = compiler.get();
        try {
            Path source = dir.resolve(SOURCE);
            try (InputStream in = CCompiler.class.getResourceAsStream(SOURCE)) {
                if (in == null) {
                    return new Build(null, null, SOURCE + " is missing from the benchmarks jar (a build problem)");
                }
                Files.write(source, in.readAllBytes());
            }
            Path binary = dir.resolve("ipc_pingpong");
            Path log = dir.resolve("cc.log");
            Process process = new ProcessBuilder(cc.toString(), "-O2", "-o", binary.toString(), source.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Build(null, cc.toString(), cc + " did not finish compiling " + SOURCE + " within "
                        + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8).strip();
                String first = output.lines().findFirst().orElse("no output");
                return new Build(null, cc.toString(), cc + " could not compile " + SOURCE + " (exit "
                        + process.exitValue() + "): " + first);
            }
            return new Build(binary, describe(cc), null);
        } catch (IOException e) {
            return new Build(null, cc.toString(), "cannot compile " + SOURCE + " with " + cc + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Build(null, cc.toString(), "interrupted while compiling " + SOURCE);
        }
    }

    /** {@code /usr/bin/cc: cc (Debian 12.2.0-14) 12.2.0}: the compiler's path and first line of --version. */
    private static String describe(Path cc) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(cc.toString(), "--version").redirectErrorStream(true).start();
        String first;
        try (InputStream in = process.getInputStream()) {
            first = new String(in.readNBytes(4096), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return first.isEmpty() ? cc.toString() : cc + ": " + first;
    }
}
