package io.execbench.workload;

import io.execbench.api.Workload;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A user's own {@link Workload}: its class name and the jar or classes folder holding it, as the runner was given
 * them ({@code --workload}, {@code --workload-path}). The runner passes both to every benchmark JVM and worker JVM as
 * the system properties {@value #CLASS_PROPERTY} and {@value #PATH_PROPERTY}; each loads the class itself with
 * {@link #instantiate()}, on a class loader over the path whose parent holds {@code execbench-api}, so the user's
 * class and execbench see one {@link Workload} interface.
 *
 * <p>Every failure is a {@link WorkloadException} whose message is one sentence naming the class and what to fix.
 *
 * @param className the binary name, e.g. {@code com.example.HashTask}
 * @param path      the jar or classes folder, absolute
 */
public record UserWorkload(String className, Path path) {

    public static final String CLASS_PROPERTY = "execbench.workload.class";
    public static final String PATH_PROPERTY = "execbench.workload.path";

    /** As given on a command line: checks the path exists; the class is checked when it is loaded. */
    public static UserWorkload of(String className, String path) {
        if (className == null || className.isBlank()) {
            throw new WorkloadException("no workload class given: pass -Dbench.workload=<class implementing "
                    + Workload.class.getName() + ">");
        }
        if (path == null || path.isBlank()) {
            throw new WorkloadException("workload " + className + " has no path: pass -Dbench.workloadPath=<the jar "
                    + "or classes folder that holds it>");
        }
        Path resolved = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isDirectory(resolved) && !Files.isRegularFile(resolved)) {
            throw new WorkloadException("workload " + className + ": its path " + resolved + " does not exist; pass "
                    + "-Dbench.workloadPath=<the jar or classes folder that holds it>");
        }
        return new UserWorkload(className.strip(), resolved);
    }

    /** The workload this JVM was told to run, if any. */
    public static Optional<UserWorkload> configured() {
        String name = System.getProperty(CLASS_PROPERTY);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(of(name, System.getProperty(PATH_PROPERTY)));
    }

    /** The JVM options that make a child JVM see this workload as {@link #configured()}. */
    public List<String> jvmOptions() {
        return List.of("-D" + CLASS_PROPERTY + "=" + className, "-D" + PATH_PROPERTY + "=" + path);
    }

    /** Sets this JVM's properties so that {@link #configured()} and {@link #jvmOptions()} of children see it. */
    public void configureThisJvm() {
        System.setProperty(CLASS_PROPERTY, className);
        System.setProperty(PATH_PROPERTY, path.toString());
    }

    /** Loads the class and creates one instance with its public no-argument constructor (set-up not yet run). */
    public Workload instantiate() {
        Class<?> type = load();
        if (!Workload.class.isAssignableFrom(type)) {
            throw new WorkloadException("workload " + className + " does not implement " + Workload.class.getName()
                    + ": implement it (compile against execbench-api)");
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new WorkloadException("workload " + className + " is not a public concrete class: make it public"
                    + " and not abstract");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new WorkloadException("workload " + className + " has no public no-argument constructor: add one"
                    + " (execbench creates the workload with it, in every JVM that runs it)");
        }
        try {
            return (Workload) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new WorkloadException("workload " + className + ": its constructor threw "
                    + describe(e.getCause()) + ": fix the constructor, or move the work to setUp()");
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new WorkloadException("workload " + className + " cannot be created (" + describe(e)
                    + "): give it a public no-argument constructor");
        }
    }

    private Class<?> load() {
        URL url;
        try {
            url = path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new WorkloadException("workload " + className + ": its path " + path + " is not usable as a class "
                    + "path (" + e.getMessage() + ")");
        }
        // Parent first: the user's jar may bundle its own copy of execbench-api; the parent's is the one that counts.
        URLClassLoader loader = new URLClassLoader("execbench-workload", new URL[] {url},
                UserWorkload.class.getClassLoader());
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new WorkloadException("workload class " + className + " was not found in " + path + ": check the "
                    + "class name (with its package) and -Dbench.workloadPath" + (Files.isDirectory(path)
                    ? " (a classes folder must be the root of the packages, e.g. target/classes)" : ""));
        } catch (LinkageError e) {
            throw new WorkloadException("workload " + className + " cannot be loaded from " + path + " ("
                    + describe(e) + "): build it for Java " + Runtime.version().feature() + " or older, against "
                    + "execbench-api only");
        }
    }

    /** {@code java.lang.IllegalStateException: boom}, on one line. */
    public static String describe(Throwable t) {
        String message = t.getMessage();
        String text = message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
        return text.lines().findFirst().orElse(text);
    }

    @Override
    public String toString() {
        return className + " (" + path + ")";
    }
}
