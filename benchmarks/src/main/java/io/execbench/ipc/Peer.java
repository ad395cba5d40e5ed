package io.execbench.ipc;

/** The other end of a transport: a child JVM or, for {@code threads}, a thread; what failure messages describe. */
interface Peer {

    boolean isAlive();

    /** Ends the peer now (destroyForcibly, or interrupt); returns at once. */
    void kill();

    /** For messages: {@code "peer process 4242 exited with code 7; its stderr ends: ..."}. */
    String describe();

    /** After the conversation ended: waits up to {@code graceMs} for the peer to end by itself, then kills it. */
    void close(long graceMs);

    /** The child's process id, or -1 for a thread. */
    long pid();
}
