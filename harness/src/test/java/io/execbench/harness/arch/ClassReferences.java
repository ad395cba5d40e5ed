package io.execbench.harness.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which harness classes a compiled class names, for the architecture tests. */
final class ClassReferences {

    static final String ROOT = "io/execbench/harness/";

    private static final Pattern TYPE = Pattern.compile("L(io/execbench/harness/[\\w/$]+);");
    /** A class named in a string constant (a class a child JVM loads by name): {@code io.execbench.harness.X.Y}. */
    private static final Pattern NAMED = Pattern.compile("^io\\.execbench\\.harness\\.[\\w.$]+$");

    private ClassReferences() {
    }

    /**
     * Every harness class the class file names: constant-pool classes, the types in descriptors and signatures, and
     * class names written as string constants (loaded by name, e.g. in a child JVM).
     */
    static TreeSet<String> of(ClassModel model) {
        TreeSet<String> used = new TreeSet<>();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof ClassEntry c) {
                String name = c.asInternalName();
                if (name.startsWith(ROOT)) {
                    used.add(name);
                }
            } else if (entry instanceof Utf8Entry u) {
                Matcher m = TYPE.matcher(u.stringValue());
                while (m.find()) {
                    used.add(m.group(1));
                }
                if (NAMED.matcher(u.stringValue()).matches()) {
                    used.add(u.stringValue().replace('.', '/'));
                }
            }
        }
        return used;
    }

    /** The harness's compiled main classes, beside the test classes of {@code testClass}. */
    static Path mainClasses(Class<?> testClass) throws URISyntaxException {
        Path testClasses = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path main = testClasses.resolveSibling("classes").resolve(ROOT);
        assertThat(main).as("main classes beside the test classes").isDirectory();
        return main;
    }
}
