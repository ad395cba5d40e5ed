package io.execbench.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A jar holding just the worker's classes (packages {@code worker}, {@code workload}, {@code topology},
 * {@code child}).
 * Class-data sharing archives only classes loaded from jars ("Cannot have non-empty directory in paths"), and under Maven and JMH the
 * classes come from {@code target/classes}, a directory: so start-up with and without CDS is compared on this jar.
 */
public final class WorkerJar {

    // topology: the memory kernel sizes its chain from the cache sizes the topology probe reads; child: the worker's
    // parent watch.
    private static final List<String> PACKAGES = List.of("io/execbench/worker/", "io/execbench/workload/",
            "io/execbench/topology/", "io/execbench/child/");

    private WorkerJar() {
    }

    /** Writes the jar to {@code jar} from wherever the worker's classes are loaded (a directory or a jar). */
    public static Path write(Path jar) {
        Path root = codeSource();
        try {
            if (!Files.isDirectory(root)) {
                return Files.copy(root, jar, StandardCopyOption.REPLACE_EXISTING); // already a jar
            }
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": cannot copy the worker jar " + root + ": " + e, e);
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(root)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (PACKAGES.stream().anyMatch(name::startsWith)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": cannot write the worker jar from " + root + ": " + e, e);
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the worker's classes: " + e, e);
        }
    }
}
