package io.execbench.process;

import io.execbench.child.ParentWatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The measured JVM of {@link MemorySweep}: starts {@code count} units parked in the one blocking call of the
 * experiment, {@code CountDownLatch.await()} on a single latch, and touches nothing else. {@code platform} and
 * {@code virtual} start that many threads; {@code jvm} starts none, since this JVM is the unit: its main thread parks
 * on the latch like every thread unit does. Main parks there too in every kind (part of the fixed cost).
 *
 * <p>Protocol: once every unit is in state WAITING and a full GC has left only what the units hold, it prints one line,
 * {@code parked <count> <ms to start them>}, on stdout. The end of stdin (the lifeline, {@link
 * io.execbench.child.ChildJvm#stop}) opens the latch: every unit returns and the JVM exits. {@link ParentWatch} ends
 * it if its parent dies first.
 */
public final class ParkedUnits {

    /** The first word of the line printed once every unit is parked. */
    public static final String PARKED = "parked";

    private ParkedUnits() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start(() -> { });
        UnitKind kind = UnitKind.parse(args[0]);
        int count = kind == UnitKind.JVM ? 0 : Integer.parseInt(args[1]);
        PrintStream out = System.out;
        CountDownLatch release = new CountDownLatch(1);
        lifeline(System.in, release);
        long start = System.nanoTime();
        List<Thread> units = start(kind, count, release);
        awaitParked(units);
        double startMs = (System.nanoTime() - start) / 1e6;
        System.gc(); // what creating them left behind is garbage, not what a parked unit costs
        out.println(PARKED + " " + count + " " + startMs);
        out.flush();
        release.await();
        for (Thread unit : units) {
            unit.join();
        }
    }

    /** Starts {@code count} threads of {@code kind}, each parking on {@code release}. */
    static List<Thread> start(UnitKind kind, int count, CountDownLatch release) {
        Thread.Builder builder = kind == UnitKind.VIRTUAL ? Thread.ofVirtual().name("unit-", 0)
                : Thread.ofPlatform().name("unit-", 0);
        List<Thread> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            units.add(builder.start(() -> park(release)));
        }
        return units;
    }

    /** The one blocking call every unit makes. */
    static void park(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns once every unit is WAITING, i.e. parked in the latch (a virtual thread unmounted, too). */
    static void awaitParked(List<Thread> units) throws InterruptedException {
        for (Thread unit : units) {
            while (unit.getState() != Thread.State.WAITING) {
                if (unit.getState() == Thread.State.TERMINATED) {
                    throw new IllegalStateException(unit + " ended instead of parking");
                }
                Thread.sleep(1);
            }
        }
    }

    private static void lifeline(InputStream in, CountDownLatch release) {
        Thread.ofPlatform().daemon().name("execbench-lifeline").start(() -> {
            try {
                while (in.read() >= 0) {
                    // nothing is sent: only the end of the stream means something
                }
            } catch (IOException e) {
                // a broken pipe is an end as well
            }
            release.countDown();
        });
    }
}
