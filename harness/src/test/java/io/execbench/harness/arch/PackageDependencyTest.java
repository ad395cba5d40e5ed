package io.execbench.harness.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The harness is a pipeline and its packages are its stages: read <- stats <- analyse <- compare <- chart <- write,
 * and the commands on top. A class may use its own stage and those before it, never a later one, so the path of a
 * number is one straight line. This test reads every compiled main class's constant pool (the JDK's class-file API)
 * and fails naming each reference that points the wrong way.
 */
class PackageDependencyTest {

    private static final String ROOT = ClassReferences.ROOT;

    /** Stage order; a package not listed (sub-packages belong to their top package) fails the test. */
    private static final List<String> STAGES = List.of("read", "stats", "analyse", "compare", "chart", "write", "");

    @Test
    void dependencies_point_from_later_stages_to_earlier_ones_only() throws IOException, URISyntaxException {
        Path classes = ClassReferences.mainClasses(PackageDependencyTest.class);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("compiled main classes under %s", classes).hasSizeGreaterThan(50);

        List<String> wrongWay = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (Path file : files) {
            ClassModel model = ClassFile.of().parse(file);
            String self = model.thisClass().asInternalName();
            int from = stage(self, unknown);
            for (String used : ClassReferences.of(model)) {
                int to = stage(used, unknown);
                if (to > from) {
                    wrongWay.add(self + " (" + stageName(from) + ") uses " + used + " (" + stageName(to) + ")");
                }
            }
        }
        assertThat(unknown).as("packages outside the stages %s", STAGES).isEmpty();
        assertThat(wrongWay).as("references against the pipeline order %s", STAGES).isEmpty();
    }

    @Test
    void the_check_sees_a_reference_that_points_the_wrong_way() {
        // A check that could never fail would prove nothing: the rule itself, on a made-up pair.
        TreeSet<String> unknown = new TreeSet<>();
        assertThat(stage(ROOT + "read/RunReader", unknown)).isLessThan(stage(ROOT + "write/ReportWriter", unknown));
        assertThat(stage(ROOT + "compare/ab/AbSession", unknown)).isEqualTo(stage(ROOT + "compare/Judge", unknown));
        assertThat(stage(ROOT + "HarnessMain", unknown)).isEqualTo(STAGES.size() - 1);
        assertThat(stage(ROOT + "models/Speedup", unknown)).isEqualTo(-1);
        assertThat(unknown).containsExactly("models");
    }

    private static int stage(String internalName, TreeSet<String> unknown) {
        if (!internalName.startsWith(ROOT)) {
            return -1;
        }
        String rest = internalName.substring(ROOT.length());
        int slash = rest.indexOf('/');
        String pkg = slash < 0 ? "" : rest.substring(0, slash);
        int index = STAGES.indexOf(pkg);
        if (index < 0) {
            unknown.add(pkg);
        }
        return index;
    }

    private static String stageName(int index) {
        return index < 0 ? "?" : STAGES.get(index).isEmpty() ? "commands" : STAGES.get(index);
    }

}
