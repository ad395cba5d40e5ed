package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class FutexTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void isAvailableOnLinux() {
        assertThat(Futex.unavailableReason()).isNull();
    }

    @Test
    void aSleeperIsWokenLongBeforeItsTimeout() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment word = arena.allocate(4, 4);
            word.set(ValueLayout.JAVA_INT, 0, 1);
            MemorySegment fiveSeconds = Futex.timeout(TimeUnit.SECONDS.toNanos(5));
            long[] sleptNs = new long[1];
            Thread sleeper = Thread.ofPlatform().start(() -> {
                long start = System.nanoTime();
                while ((int) ValueLayout.JAVA_INT.varHandle().getVolatile(word, 0L) == 1) {
                    Futex.await(word, 1, fiveSeconds);
                }
                sleptNs[0] = System.nanoTime() - start;
            });
            Thread.sleep(100);
            ValueLayout.JAVA_INT.varHandle().setVolatile(word, 0L, 0);
            Futex.wake(word);
            sleeper.join();
            assertThat(Duration.ofNanos(sleptNs[0])).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void waitingOnAWordThatAlreadyChangedReturnsAtOnce() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment word = arena.allocate(4, 4); // holds 0, not the expected 1
            long start = System.nanoTime();
            Futex.await(word, 1, Futex.timeout(TimeUnit.SECONDS.toNanos(5)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }
}
