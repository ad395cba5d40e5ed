package io.execbench.runner;

import java.util.List;
import java.util.Map;

/**
 * What a suite measures under a profile, beyond what its annotations can say: the values of its
 * {@code @Param("auto")} parameters (a sweep over thread counts must follow the CPUs of the machine it runs on, and
 * fit the profile's budget), and which of its declared parameter combinations the profile runs.
 *
 * <p>A benchmark class implements it once. Both ends ask it the same question:
 * <ul>
 *   <li>the runner ({@link BenchmarkPlan}, and so {@code --list-plan}) expands each {@code auto} into
 *       {@link #values} and passes every value to JMH as an explicit {@code -p}, so a trial never sees
 *       {@code auto};</li>
 *   <li>under plain JMH ({@code java -jar benchmarks.jar}), nobody expands it: the trial's {@code @Setup} sees
 *       {@code auto} and calls {@link #resolve(String, String)}, which measures the first of the values of the profile named by
 *       {@value #PROFILE_PROPERTY} (default {@code quick}). Pass {@code -p param=v1,v2} for others.</li>
 * </ul>
 */
public interface AutoParams {

    /** The {@code @Param} value that means: ask {@link #values}. */
    String AUTO = "auto";
    /** The system property naming the profile that {@code auto} follows under plain JMH. */
    String PROFILE_PROPERTY = "execbench.profile";
    /** The profile {@code auto} follows under plain JMH when {@value #PROFILE_PROPERTY} is not set. */
    Profile DEFAULT_PROFILE = Profile.QUICK;

    /**
     * The values of {@code @Param("auto") param} on this machine under {@code profile}, never empty.
     *
     * @throws IllegalArgumentException when {@code param} is not one of this suite's {@code auto} parameters
     */
    List<String> values(String param, Profile profile);

    /**
     * Whether {@code profile} runs this combination of declared (and resolved) parameter values; by default every
     * one. A suite whose grid is not a full cross product (a model worth measuring on coarse tasks only) says so here,
     * so that a budget chooses combinations and never renames a benchmark.
     */
    default boolean planned(Map<String, String> params, Profile profile) {
        return true;
    }

    /**
     * A trial's parameter value: {@code value} itself, or, for {@code auto} (plain JMH, no runner), the first of
     * {@link #values} under {@link #profileOfThisJvm()}.
     */
    default String resolve(String param, String value) {
        if (!AUTO.equals(value)) {
            return value;
        }
        List<String> values = values(param, profileOfThisJvm());
        if (values.isEmpty()) {
            throw new IllegalStateException(getClass().getName() + " has no values for @Param " + param);
        }
        return values.getFirst();
    }

    /** The profile named by {@value #PROFILE_PROPERTY}, or {@link #DEFAULT_PROFILE}. */
    static Profile profileOfThisJvm() {
        String name = System.getProperty(PROFILE_PROPERTY);
        return name == null || name.isBlank() ? DEFAULT_PROFILE : Profile.parse(name);
    }
}
