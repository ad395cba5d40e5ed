package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class FutexTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void isAvailableOnLinux() {
        assertThat(Futex.unavailableReason()).isNull();
    }

    /**
     * The futex timeout is far longer than the test's own: only a wake-up can end the wait in time, however busy the
     * machine is (an elapsed-time bound would also fail when the sleeper is merely scheduled late).
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSleeperIsWokenBeforeItsTimeout() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment word = arena.allocate(4, 4);
            word.set(ValueLayout.JAVA_INT, 0, 1);
            MemorySegment tenMinutes = Futex.timeout(TimeUnit.MINUTES.toNanos(10));
            boolean[] woken = new boolean[1];
            Thread sleeper = Thread.ofPlatform().daemon().start(() -> {
                while ((int) ValueLayout.JAVA_INT.varHandle().getVolatile(word, 0L) == 1) {
                    Futex.await(word, 1, tenMinutes);
                }
                woken[0] = true;
            });
            Thread.sleep(100);
            ValueLayout.JAVA_INT.varHandle().setVolatile(word, 0L, 0);
            Futex.wake(word);
            sleeper.join();
            assertThat(woken[0]).isTrue();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void waitingOnAWordThatAlreadyChangedReturnsAtOnce() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment word = arena.allocate(4, 4); // holds 0, not the expected 1
            Futex.await(word, 1, Futex.timeout(TimeUnit.MINUTES.toNanos(10))); // returns: the test's timeout holds
        }
    }
}
