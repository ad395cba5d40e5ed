package io.execbench.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * One connection served by one thread with blocking I/O, from the first byte to the close: read, parse, answer, in a
 * loop. The answers to pipelined requests that arrived together leave in one write.
 */
final class BlockingConnection {

    private static final int IN_BYTES = 16 * 1024;
    private static final int MAX_BATCH_OUT_BYTES = 64 * 1024;
    private static final int LINGER_MS = 2_000;
    private static final int MAX_LINGER_BYTES = 1 << 20;

    private BlockingConnection() {
    }

    /**
     * Serves {@code socket} until the client leaves, asks to close, sends a refused request, or stays idle past the
     * limit. The caller closes the socket.
     *
     * @param writingSinceNs where a write in progress is registered, for the caller's write watch
     */
    static void serve(Socket socket, Handler handler, ServerConfig config, Map<Socket, Long> writingSinceNs)
            throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.idleTimeoutMs()));
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        RequestParser parser = new RequestParser(config.maxHeaderBytes());
        byte[] buffer = new byte[IN_BYTES];
        ByteBuffer received = ByteBuffer.wrap(buffer, 0, 0);
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        while (true) {
            boolean close = false;
            while (!close && received.hasRemaining()) {
                Response response;
                try {
                    Request request = parser.parse(received);
                    if (request == null) {
                        break;
                    }
                    response = handler.respond(request);
                } catch (BadRequest refusal) {
                    response = Handler.reject(refusal);
                }
                batch.write(response.bytes());
                close = response.close();
                if (batch.size() >= MAX_BATCH_OUT_BYTES) {
                    write(socket, out, batch, writingSinceNs);
                }
            }
            write(socket, out, batch, writingSinceNs);
            if (close) {
                linger(socket, in, buffer);
                return;
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return; // idle past the limit (or stalled mid-request)
            }
            if (n < 0) {
                return; // the client is done, or left mid-request
            }
            received = ByteBuffer.wrap(buffer, 0, n);
        }
    }

    private static void write(Socket socket, OutputStream out, ByteArrayOutputStream batch,
                              Map<Socket, Long> writingSinceNs) throws IOException {
        if (batch.size() == 0) {
            return;
        }
        writingSinceNs.put(socket, System.nanoTime());
        try {
            batch.writeTo(out);
        } finally {
            writingSinceNs.remove(socket);
        }
        batch.reset();
    }

    /** Half-closes, then drains unread input a while: closing with unread input would reset the answer away. */
    private static void linger(Socket socket, InputStream in, byte[] buffer) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_MS);
        int drained = 0;
        try {
            int n;
            while (drained < MAX_LINGER_BYTES && (n = in.read(buffer)) >= 0) {
                drained += n;
            }
        } catch (SocketTimeoutException e) {
            // the client keeps the connection open: close it anyway
        }
    }
}
