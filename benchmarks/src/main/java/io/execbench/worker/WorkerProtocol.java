package io.execbench.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The binary framing between a parent and a worker JVM, over the worker's stdin (tasks) and stdout (replies).
 * All integers are big-endian ({@link DataOutputStream} order).
 *
 * <pre>
 * hello   worker -> parent, once:  int MAGIC ("EXBW"), byte VERSION, long pid                       13 bytes
 * task    parent -> worker:        byte TASK, int sequence, byte kernel, int workUnits, long seed    18 bytes
 * result  worker -> parent:        byte RESULT, int sequence, long checksum                          13 bytes
 * failed  worker -> parent:        byte FAILED, int sequence, unsigned short length, UTF-8 message
 * </pre>
 *
 * <p>{@code kernel} is the index of the kernel's name in {@link io.execbench.workload.Kernels#NAMES}. Replies come
 * in task order, and each echoes its task's sequence number: a reply with an unknown type, or the wrong sequence,
 * is garbage and the parent gives up on that worker. End of stdin means "exit now": that is how an idle worker dies
 * with its parent, even when the parent was killed with {@code kill -9} and could run no clean-up of its own (a busy
 * one is ended by its {@link io.execbench.child.ParentWatch}).
 */
public final class WorkerProtocol {

    public static final int MAGIC = 0x45584257; // "EXBW"
    public static final byte VERSION = 1;
    public static final byte TASK = 1;
    public static final byte RESULT = 2;
    public static final byte FAILED = 3;
    static final int MAX_MESSAGE_BYTES = 0xFFFF;

    private WorkerProtocol() {
    }

    /** One task as the worker reads it. */
    public record Task(int sequence, byte kernel, int workUnits, long seed) {
    }

    /** One reply as the parent reads it: a checksum, or the worker's own failure message. */
    public record Reply(int sequence, long checksum, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** Thrown for bytes that are not a valid frame: the peer is not speaking this protocol (any more). */
    public static final class GarbageException extends IOException {
        private static final long serialVersionUID = 1L;

        GarbageException(String message) {
            super(message);
        }
    }

    public static void writeHello(DataOutputStream out, long pid) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.writeLong(pid);
    }

    /** Reads the hello frame and returns the worker's pid. */
    public static long readHello(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new GarbageException(String.format("expected hello 0x%08x, read 0x%08x", MAGIC, magic));
        }
        byte version = in.readByte();
        if (version != VERSION) {
            throw new GarbageException("protocol version " + version + ", expected " + VERSION);
        }
        return in.readLong();
    }

    public static void writeTask(DataOutputStream out, int sequence, byte kernel, int workUnits, long seed)
            throws IOException {
        out.writeByte(TASK);
        out.writeInt(sequence);
        out.writeByte(kernel);
        out.writeInt(workUnits);
        out.writeLong(seed);
    }

    /** Reads the next task, or returns null at a clean end of stream (the parent closed stdin or died). */
    public static Task readTask(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        if (type != TASK) {
            throw new GarbageException("expected a task frame, read type " + type);
        }
        return new Task(in.readInt(), in.readByte(), in.readInt(), in.readLong());
    }

    public static void writeResult(DataOutputStream out, int sequence, long checksum) throws IOException {
        out.writeByte(RESULT);
        out.writeInt(sequence);
        out.writeLong(checksum);
    }

    public static void writeFailure(DataOutputStream out, int sequence, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, MAX_MESSAGE_BYTES);
        out.writeByte(FAILED);
        out.writeInt(sequence);
        out.writeShort(length);
        out.write(bytes, 0, length);
    }

    /**
     * Reads the reply to task {@code expectedSequence}.
     *
     * @throws EOFException when the worker closed its stdout (it exited)
     * @throws GarbageException when the bytes are not the expected reply
     */
    public static Reply readReply(DataInputStream in, int expectedSequence) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("end of stream");
        }
        if (type != RESULT && type != FAILED) {
            throw new GarbageException("expected a reply frame, read type " + type);
        }
        int sequence = in.readInt();
        if (sequence != expectedSequence) {
            throw new GarbageException("reply to task " + sequence + ", expected task " + expectedSequence);
        }
        if (type == RESULT) {
            return new Reply(sequence, in.readLong(), null);
        }
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        return new Reply(sequence, 0, new String(message, StandardCharsets.UTF_8));
    }
}
