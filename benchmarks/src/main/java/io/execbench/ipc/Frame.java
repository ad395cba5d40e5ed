package io.execbench.ipc;

/**
 * The message format every transport carries: an 8-byte header, then the payload.
 *
 * <pre>
 *   offset 0  int  op       what the peer is asked to do (the constants below)
 *   offset 4  int  length   payload bytes that follow, 0 .. the transport's maxPayloadBytes
 *   offset 8  byte[length]  payload
 * </pre>
 * Both ints are big-endian (ByteBuffer's default order). A reader that finds a length above its maximum stops
 * at once: the stream is corrupt or hostile, and reading on would allocate or wait for bytes that never come.
 */
public final class Frame {

    public static final int HEADER_BYTES = 8;

    /** Close the conversation: the peer leaves its loop (no reply). */
    public static final int BYE = 0;
    /** Echo the payload back, unchanged. */
    public static final int ECHO = 1;
    /** Consume the payload without reply; the peer counts bytes and sums each payload's first 8 bytes. */
    public static final int SINK = 2;
    /** Reply with 16 bytes: bytes sunk and the sum of their first longs since the last ACK, then reset both. */
    public static final int ACK = 3;
    /** Reply with the 8-byte CRC32C of the payload: the peer's own check of what it received. */
    public static final int CHECKSUM = 4;
    /** Parse the payload as a JSON {@link OrderGraph.Order}, write it back as JSON: serialisation on both sides. */
    public static final int JSON_ECHO = 5;
    /**
     * Request ignored; reply: 8 bytes, the peer JVM's total JIT compilation time so far in milliseconds
     * ({@code CompilationMXBean}), -1 when the JVM does not say: how a warm-up tells that the peer's compiler has
     * gone quiet.
     */
    public static final int COMPILE_TIME = 6;

    // Deliberate faults, used by the fault tests: the peer misbehaves while replying to an ECHO.
    /** Send the reply's header and half its payload, then exit the peer (a process dies mid-message). */
    public static final int FAULT_DIE_MID_REPLY = 101;
    /** Send the reply's header and half its payload, then go silent but stay alive (a truncated frame). */
    public static final int FAULT_STALL_MID_REPLY = 102;
    /** Reply with a header announcing Integer.MAX_VALUE bytes (an oversized length prefix). */
    public static final int FAULT_OVERSIZED_REPLY = 103;

    private Frame() {
    }
}
