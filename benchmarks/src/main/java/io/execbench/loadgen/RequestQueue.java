package io.execbench.loadgen;

/**
 * One connection's requests in the order they were due. Positions, from the oldest:
 * <pre>
 *   [0, abandoned)    timed out: counted already; a reply that still comes is read and ignored
 *   [0, committed)    written (their bytes are in the output buffer or on the wire): one reply each will come, in order
 *   [committed, size) waiting to be written
 * </pre>
 * Abandoned requests are always the oldest because requests expire in the order they were due (a connection's
 * intended times only grow); so timing one out keeps the connection, and the replies still match their requests.
 *
 * <p>A ring of primitive arrays: the generator adds and removes tens of thousands of requests a second without
 * allocating. Each request is its intended send time (nanoTime) and its flags: the route's ordinal, and
 * {@link #MEASURED} when it counts (due after the warm-up).
 */
final class RequestQueue {

    /** Flag: the request counts in the results. */
    static final int MEASURED = 0x100;
    private static final int ROUTE_MASK = 0xff;
    private static final Route[] ROUTES = Route.values();

    private long[] intendedNs = new long[16];
    private int[] flags = new int[16];
    private int head;
    private int size;
    private int committed;
    private int abandoned;

    static int flags(Route route, boolean measured) {
        return route.ordinal() | (measured ? MEASURED : 0);
    }

    static Route route(int flags) {
        return ROUTES[flags & ROUTE_MASK];
    }

    static boolean measured(int flags) {
        return (flags & MEASURED) != 0;
    }

    void add(long intendedTimeNs, int requestFlags) {
        if (size == intendedNs.length) {
            grow();
        }
        int at = slot(size);
        intendedNs[at] = intendedTimeNs;
        flags[at] = requestFlags;
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int committed() {
        return committed;
    }

    int abandoned() {
        return abandoned;
    }

    /** Requests not timed out: the connection still owes them an answer. */
    int live() {
        return size - abandoned;
    }

    /** Requests still waiting to be written. */
    int waiting() {
        return size - committed;
    }

    long intendedNs(int position) {
        return intendedNs[slot(position)];
    }

    int flags(int position) {
        return flags[slot(position)];
    }

    /** Closed loop: the latency counts from the write, so the request's time is set when it is written. */
    void restamp(int position, long timeNs) {
        intendedNs[slot(position)] = timeNs;
    }

    /** Marks the oldest waiting request as written. */
    void commitNext() {
        committed++;
    }

    /** Marks the oldest live request as timed out. */
    void abandonNext() {
        abandoned++;
    }

    /** Removes the oldest request. */
    void removeHead() {
        head = (head + 1) & (intendedNs.length - 1);
        size--;
        committed = Math.max(0, committed - 1);
        abandoned = Math.max(0, abandoned - 1);
    }

    /** Every written request waits again (the server announced it closes before answering them). */
    void uncommitAll() {
        committed = 0;
    }

    private int slot(int position) {
        return (head + position) & (intendedNs.length - 1);
    }

    private void grow() {
        long[] times = new long[intendedNs.length * 2];
        int[] moreFlags = new int[times.length];
        for (int i = 0; i < size; i++) {
            times[i] = intendedNs[slot(i)];
            moreFlags[i] = flags[slot(i)];
        }
        intendedNs = times;
        flags = moreFlags;
        head = 0;
    }
}
