/**
 * The load generator of "a server under load": an open-loop, constant-rate HTTP/1.1 client corrected for
 * coordinated omission (every request has an intended send time on a fixed schedule and its latency counts from
 * there), its closed-loop twin for comparison with ApacheBench, the {@code ab} cross-check itself, and the writer of
 * the per-route {@code .hlog}.
 *
 * <p>The driver's whole API: {@link io.execbench.loadgen.LoadSpec} in, {@link io.execbench.loadgen.LoadGenerator#run}
 * , {@link io.execbench.loadgen.LoadResult} out, {@link io.execbench.loadgen.LoadLog#write} to disk, and
 * {@link io.execbench.loadgen.ApacheBench#run} beside it.
 */
package io.execbench.loadgen;
