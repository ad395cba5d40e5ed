package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.InternalProfiler;

/**
 * The duet's iteration barrier with both halves in this JVM: two {@link DuetProfiler}s on two threads stand for the
 * two forks. The assertions are on the order of events and on the failure sentences, never on how long anything took;
 * the timeouts only bound a test that would otherwise hang.
 */
class DuetBarrierTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** A fork's iterations: logs "A ready 2" before the barrier and "A go 2" after it. */
    private static CompletableFuture<Void> fork(DuetProfiler profiler, String side, int iterations,
                                                List<String> events) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= iterations; i++) {
                events.add(side + " ready " + i);
                profiler.beforeIteration(null, null);
                events.add(side + " go " + i);
            }
            profiler.close();
        }, runnable -> Thread.ofPlatform().start(runnable));
    }

    @Test
    void noForkStartsAnIterationBeforeTheOtherIsReadyForIt() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (DuetBarrier barrier = DuetBarrier.open(dir.resolve("s"), 4, LONG, LONG)) {
            String socket = barrier.socket().toString();
            CompletableFuture<String> released = CompletableFuture.supplyAsync(() -> coordinate(barrier));
            CompletableFuture<Void> a = fork(new DuetProfiler(socket, "A", 30_000), "A", 4, events);
            CompletableFuture<Void> b = fork(new DuetProfiler(socket, "B", 30_000), "B", 4, events);

            assertThat(released.get(60, TimeUnit.SECONDS)).isNull();
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        }
        for (int i = 1; i <= 4; i++) {
            assertThat(events.indexOf("A go " + i)).isGreaterThan(events.indexOf("B ready " + i));
            assertThat(events.indexOf("B go " + i)).isGreaterThan(events.indexOf("A ready " + i));
        }
        assertThat(events).hasSize(16);
        assertThat(Files.exists(dir.resolve("s"))).isFalse();
    }

    @Test
    void aPartnerThatDiesEndsTheDuetAndFailsTheSurvivorsNextIteration() throws Exception {
        try (DuetBarrier barrier = DuetBarrier.open(dir.resolve("s"), 4, LONG, LONG)) {
            CompletableFuture<String> released = CompletableFuture.supplyAsync(() -> coordinate(barrier));
            DuetProfiler survivor = new DuetProfiler(barrier.socket().toString(), "A", 30_000);
            // B as a dying fork does it: it says who it is, is ready once, and its process ends (the socket closes).
            try (SocketChannel dying = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                dying.connect(UnixDomainSocketAddress.of(barrier.socket()));
                dying.write(ByteBuffer.wrap(new byte[] {'B', 'R'}));
                survivor.beforeIteration(null, null); // iteration 1 is released to both
            }

            assertThat(released.get(60, TimeUnit.SECONDS))
                    .isEqualTo("build B's fork left the duet before iteration 2 of 4 (it failed or died)");
            assertThatThrownBy(() -> survivor.beforeIteration(null, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("the harness closed the barrier (the other build's fork failed or ended)");
        }
    }

    @Test
    void aPartnerThatNeverComesEndsTheDuetAfterTheFirstTimeout() throws Exception {
        try (DuetBarrier barrier = DuetBarrier.open(dir.resolve("s"), 4, Duration.ofMillis(300), LONG)) {
            CompletableFuture<String> released = CompletableFuture.supplyAsync(() -> coordinate(barrier));
            DuetProfiler alone = new DuetProfiler(barrier.socket().toString(), "A", 30_000);

            assertThatThrownBy(() -> alone.beforeIteration(null, null)).isInstanceOf(IllegalStateException.class);
            // A's ready may or may not have been read within 0.3 s on a loaded machine; B is missing either way.
            assertThat(released.get(60, TimeUnit.SECONDS)).matches(
                    "build (A and build B were|B was) not ready for iteration 1 of 4 within 0\\.3 s");
        }
    }

    @Test
    void aCancelledDuetSaysWhyAndFailsTheWaitingFork() throws Exception {
        try (DuetBarrier barrier = DuetBarrier.open(dir.resolve("s"), 4, LONG, LONG)) {
            CompletableFuture<String> released = CompletableFuture.supplyAsync(() -> coordinate(barrier));
            DuetProfiler waiting = new DuetProfiler(barrier.socket().toString(), "B", 30_000);
            CompletableFuture<Void> iteration = CompletableFuture.runAsync(() -> waiting.beforeIteration(null, null),
                    runnable -> Thread.ofPlatform().start(runnable));

            barrier.cancel("build A's fork exited (code 1) before all its iterations were synchronised");

            assertThat(released.get(60, TimeUnit.SECONDS))
                    .isEqualTo("build A's fork exited (code 1) before all its iterations were synchronised");
            assertThatThrownBy(() -> iteration.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    IllegalStateException.class);
        }
    }

    @Test
    void theProfilerCopiedForTheForksLoadsWithNothingButJmhCore() throws Exception {
        Path classes = DuetRunner.writeProfiler(dir.resolve("classes"));
        URL jmhCore = InternalProfiler.class.getProtectionDomain().getCodeSource().getLocation();

        try (URLClassLoader fork = new URLClassLoader(new URL[] {classes.toUri().toURL(), jmhCore},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> profiler = fork.loadClass(DuetRunner.PROFILER);
            assertThat(profiler.getClassLoader()).isSameAs(fork);
            assertThat(fork.loadClass(InternalProfiler.class.getName()).isAssignableFrom(profiler)).isTrue();
            assertThat(profiler.getConstructor().newInstance()).isNotNull();
        }
        assertThat(DuetRunner.PROFILER).isEqualTo(DuetProfiler.class.getName());
        // Only its own class file is copied: a nested class would be missing in the forks.
        assertThat(DuetProfiler.class.getNestMembers()).containsExactly(DuetProfiler.class);
    }

    private static String coordinate(DuetBarrier barrier) {
        try {
            return barrier.coordinate();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
