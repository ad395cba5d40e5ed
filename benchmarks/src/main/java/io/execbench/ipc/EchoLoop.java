package io.execbench.ipc;

import io.execbench.warmup.CompileTime;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The peer's side of every transport: reads frames and answers them (see {@link Frame} for the ops), until BYE or
 * a clean end of stream. It runs in the child JVM ({@link EchoPeer}) or, for the {@code threads} transport, on a
 * thread of the benchmark's own JVM, so every transport's peer does the very same work.
 *
 * <p>An echo is read into the peer's own buffer and written back from it, as any program that receives a message
 * into its memory and answers does: a round trip copies the payload four times on every transport (sender to
 * channel, channel to peer, peer to channel, channel to sender), shared memory included.
 */
final class EchoLoop {

    /** What the peer does when told to die mid-message: a child halts, a thread throws. */
    interface Death {
        void die();

        /** Goes silent without dying, until killed or interrupted. */
        void stall();
    }

    private final Link link;
    private final int maxPayloadBytes;
    private final Death death;
    private final ByteBuffer frame;
    private final ByteBuffer answer;
    private long sunkBytes;
    private long sunkSequenceSum;

    EchoLoop(Link link, int maxPayloadBytes, Death death) {
        this.link = link;
        this.maxPayloadBytes = maxPayloadBytes;
        this.death = death;
        this.frame = link.allocate(Frame.HEADER_BYTES + maxPayloadBytes);
        this.answer = link.allocate(Frame.HEADER_BYTES + maxPayloadBytes);
    }

    /**
     * Answers frames until BYE or an end of stream between frames.
     *
     * @throws IOException on a malformed request (unknown op, length above the maximum) or a stream that ends
     *                     inside a frame; the message says which
     */
    void run() throws IOException {
        while (true) {
            try {
                link.readFully(frame, 0, Frame.HEADER_BYTES);
            } catch (EndOfStream e) {
                if (e.doneBytes == 0) {
                    return; // the client closed between frames: a normal end
                }
                throw e;
            }
            int op = frame.getInt(0);
            int length = frame.getInt(4);
            if (length < 0 || length > maxPayloadBytes) {
                throw new IOException("request frame (op " + op + ") announces " + Integer.toUnsignedString(length)
                        + " payload bytes, more than the maximum " + maxPayloadBytes);
            }
            link.readFully(frame, Frame.HEADER_BYTES, length);
            if (op == Frame.BYE) {
                return;
            }
            answer(op, length);
        }
    }

    private void answer(int op, int length) throws IOException {
        switch (op) {
            case Frame.ECHO -> send(frame, Frame.HEADER_BYTES + length);
            case Frame.SINK -> {
                sunkBytes += length;
                if (length >= Long.BYTES) {
                    sunkSequenceSum += frame.getLong(Frame.HEADER_BYTES);
                }
            }
            case Frame.ACK -> {
                answer.putInt(0, Frame.ACK).putInt(4, 16)
                        .putLong(Frame.HEADER_BYTES, sunkBytes).putLong(Frame.HEADER_BYTES + 8, sunkSequenceSum);
                sunkBytes = 0;
                sunkSequenceSum = 0;
                send(answer, Frame.HEADER_BYTES + 16);
            }
            case Frame.CHECKSUM -> {
                CRC32C crc = new CRC32C();
                crc.update(frame.slice(Frame.HEADER_BYTES, length));
                answer.putInt(0, Frame.CHECKSUM).putInt(4, 8).putLong(Frame.HEADER_BYTES, crc.getValue());
                send(answer, Frame.HEADER_BYTES + 8);
            }
            case Frame.COMPILE_TIME -> {
                answer.putInt(0, Frame.COMPILE_TIME).putInt(4, 8).putLong(Frame.HEADER_BYTES, CompileTime.millis());
                send(answer, Frame.HEADER_BYTES + 8);
            }
            case Frame.JSON_ECHO -> {
                OrderGraph.Order order = OrderGraph.read(frame, Frame.HEADER_BYTES, length);
                int written = OrderGraph.write(order, answer, Frame.HEADER_BYTES);
                answer.putInt(0, Frame.JSON_ECHO).putInt(4, written);
                send(answer, Frame.HEADER_BYTES + written);
            }
            case Frame.FAULT_DIE_MID_REPLY, Frame.FAULT_STALL_MID_REPLY -> {
                frame.putInt(0, Frame.ECHO);
                link.write(frame, 0, Frame.HEADER_BYTES + length / 2);
                link.flush();
                if (op == Frame.FAULT_DIE_MID_REPLY) {
                    death.die();
                } else {
                    death.stall();
                }
            }
            case Frame.FAULT_OVERSIZED_REPLY -> {
                answer.putInt(0, Frame.ECHO).putInt(4, Integer.MAX_VALUE);
                send(answer, Frame.HEADER_BYTES);
            }
            default -> throw new IOException("request frame has unknown op " + op);
        }
    }

    private void send(ByteBuffer buffer, int bytes) throws IOException {
        link.write(buffer, 0, bytes);
        link.flush();
    }
}
