package io.execbench.workload;

import io.execbench.api.Workload;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real workload classes for tests, compiled from source in the test against execbench-api only, as a user's would
 * be: the class folder they land in is what {@code --workload-path} is given.
 */
public final class WorkloadFixtures {

    private WorkloadFixtures() {
    }

    /** Compiles {@code declaration}, the class {@code fixtures.<simpleName>}, into {@code classes}. */
    public static Path compile(Path classes, String simpleName, String declaration) {
        try {
            Path sources = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-src/fixtures"));
            Path file = Files.writeString(sources.resolve(simpleName + ".java"),
                    "package fixtures;\nimport io.execbench.api.Workload;\n" + declaration);
            return compile(classes, List.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles every {@code .java} file under {@code sourceRoot} into {@code classes}. */
    public static Path compileTree(Path sourceRoot, Path classes) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return compile(classes, files.filter(f -> f.toString().endsWith(".java")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compile(Path classes, List<Path> files) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", apiClassPath(),
                "--release", "17", "-proc:none"));
        files.forEach(f -> args.add(f.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("fixture did not compile: " + errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /** Where the execbench-api classes of this build are (the reactor's api/target/classes, or its jar). */
    static String apiClassPath() {
        try {
            return Path.of(Workload.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
