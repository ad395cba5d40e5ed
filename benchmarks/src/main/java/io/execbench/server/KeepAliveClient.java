package io.execbench.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One blocking keep-alive connection to a server of this package, for single requests: the benchmark's unloaded
 * round trip and the experiment's check that a server has drained between load steps. Reads exactly one response
 * (status line, headers, Content-Length body) per request and returns its status; a response it cannot read
 * is an {@link IOException}. Not a load generator: {@link io.execbench.loadgen.LoadGenerator} is.
 */
final class KeepAliveClient implements AutoCloseable {

    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(MAX_RESPONSE_BYTES);

    KeepAliveClient(int port) throws IOException {
        channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        channel.socket().setTcpNoDelay(true);
        channel.socket().setSoTimeout(0);
    }

    /** The request bytes for {@code GET path} on a keep-alive connection. */
    static ByteBuffer request(String path) {
        return ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends {@code request} (rewound first) and reads its response; the status. */
    int call(ByteBuffer request) throws IOException {
        request.rewind();
        while (request.hasRemaining()) {
            channel.write(request);
        }
        in.clear();
        int headEnd = -1;
        long bodyLength = -1;
        while (true) {
            if (channel.read(in) < 0) {
                throw new IOException("the server closed the connection before a whole response");
            }
            if (headEnd < 0) {
                headEnd = endOfHead();
                if (headEnd >= 0) {
                    bodyLength = contentLength(headEnd);
                }
            }
            if (headEnd >= 0 && in.position() >= headEnd + bodyLength) {
                if (in.position() > headEnd + bodyLength) {
                    throw new IOException("more bytes than one response: the client sent one request");
                }
                return status();
            }
            if (!in.hasRemaining()) {
                throw new IOException("a response over " + MAX_RESPONSE_BYTES + " bytes");
            }
        }
    }

    private int endOfHead() {
        for (int i = 3; i < in.position(); i++) {
            if (in.get(i - 3) == '\r' && in.get(i - 2) == '\n' && in.get(i - 1) == '\r' && in.get(i) == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private long contentLength(int headEnd) throws IOException {
        String head = new String(in.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                try {
                    return Long.parseLong(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("a response with Content-Length '" + line.substring(colon + 1).trim() + "'");
                }
            }
        }
        throw new IOException("a response without Content-Length");
    }

    private int status() throws IOException {
        // "HTTP/1.1 200 OK"
        if (in.position() < 12) {
            throw new IOException("a response too short for a status line");
        }
        String code = new String(in.array(), 9, 3, StandardCharsets.US_ASCII);
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new IOException("a status line without a status: '" + code + "'");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
