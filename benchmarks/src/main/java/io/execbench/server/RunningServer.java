package io.execbench.server;

import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/** A started server of one model ({@link Servers#start}); {@link #close()} stops it and frees its port. */
public interface RunningServer extends AutoCloseable {

    /** The TCP port it listens on, on 127.0.0.1 only (loopback: nothing outside this machine can reach it). */
    int port();

    /** The ids of the processes serving: this JVM's pid for the in-process models, the children's for processes. */
    List<Long> pids();

    /**
     * How late the loop's 1 ms timer fired, in nanoseconds, since the start (as Node's
     * {@code monitorEventLoopDelay}); merged across the children for {@code processes}; empty for the models that
     * have no loop ({@code threadPool}, {@code virtual}). A copy: the caller may keep or change it. Still answers
     * after {@link #close()}, with everything recorded up to the stop.
     */
    Optional<Histogram> loopLagNs();

    /** Stops accepting, closes every connection, stops every thread and child process, and frees the port. */
    @Override
    void close();
}
