package io.execbench.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One blocking keep-alive connection to 127.0.0.1, for single requests: the server benchmark's unloaded round trip
 * and the experiment's check that a server has drained between load steps. Reads exactly one response per request
 * with the generator's own {@link HttpResponseParser} (no allocation per call) and returns its status; a response it
 * cannot read is an {@link IOException}. Not a load generator: {@link LoadGenerator} is.
 */
public final class KeepAliveClient implements AutoCloseable {

    private static final int IN_BYTES = 16 * 1024;

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocateDirect(IN_BYTES);
    private final HttpResponseParser parser = new HttpResponseParser();

    public KeepAliveClient(int port) throws IOException {
        channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        channel.socket().setTcpNoDelay(true);
    }

    /** The request bytes for {@code GET path} on a keep-alive connection. */
    public static ByteBuffer request(String path) {
        return ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends {@code request} (rewound first) and reads its response; the status. */
    public int call(ByteBuffer request) throws IOException {
        request.rewind();
        while (request.hasRemaining()) {
            channel.write(request);
        }
        parser.reset();
        in.clear();
        while (true) {
            if (channel.read(in) < 0) {
                throw new IOException("the server closed the connection before a whole response");
            }
            in.flip();
            try {
                if (parser.parse(in)) {
                    if (in.hasRemaining()) {
                        throw new IOException("more bytes than one response: the client sent one request");
                    }
                    return parser.status();
                }
            } catch (HttpResponseParser.MalformedResponseException e) {
                throw new IOException("a response that does not parse: " + e.getMessage(), e);
            }
            in.clear(); // the parser keeps what it needs of a partial line
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
