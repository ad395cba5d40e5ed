package io.execbench.harness.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class is used only by tests: every class under target/classes must be reachable from the command line's
 * entry point, {@code HarnessMain}, through the references its class files hold (picocli's subcommands are class
 * literals in an annotation, which the constant pool names too). A class nothing reaches is dead code that tests
 * keep alive; delete it with its tests.
 */
class ReachableClassesTest {

    private static final String ENTRY = ClassReferences.ROOT + "HarnessMain";

    @Test
    void every_main_class_is_reachable_from_the_entry_point() throws IOException, URISyntaxException {
        Map<String, ClassModel> classes = new HashMap<>();
        Path dir = ClassReferences.mainClasses(ReachableClassesTest.class);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                classes.put(model.thisClass().asInternalName(), model);
            }
        }
        assertThat(classes).containsKey(ENTRY);

        TreeSet<String> reached = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(ENTRY);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reached.add(name) && classes.containsKey(name)) {
                todo.addAll(ClassReferences.of(classes.get(name)));
            }
        }
        TreeSet<String> unreached = new TreeSet<>(classes.keySet());
        unreached.removeAll(reached);
        assertThat(unreached).as("main classes nothing reaches from %s", ENTRY).isEmpty();
    }
}
