package io.execbench.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * An incremental HTTP/1.x request parser, fed whatever bytes arrived: one per connection, shared by every model so
 * that they differ only in where work runs. {@link #parse} takes bytes from the buffer up to the end of one request
 * (leaving a pipelined next request in the buffer) and returns it, or returns null once the buffer is used up
 * mid-request; the bytes so far are kept here, so a request split anywhere, down to one byte per read, parses the
 * same.
 *
 * <p>What it accepts, as RFC 9112 asks of a server: a request line {@code METHOD SP target SP HTTP/1.x} with GET or
 * HEAD and an origin-form target; header lines {@code name: value} with a token name; CRLF or bare LF line ends; empty
 * lines before a request (a client's stray CRLF after a body) are skipped; a Host header in HTTP/1.1 (as nginx and
 * Node require). A body is accepted only with Content-Length up to {@value #MAX_BODY_BYTES} bytes; it is read and
 * ignored. What it refuses, with the status to answer before closing: a head over the limit (431), a chunked or other
 * transfer-coded body (411: send a length), a longer body (413), anything else malformed (400).
 */
final class RequestParser {

    /** The largest request body accepted (read and ignored): the routes take none. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int FIRST_HEAD_BYTES = 512;

    private final int maxHeaderBytes;
    private byte[] head = new byte[FIRST_HEAD_BYTES];
    private int headLength;
    /** A parsed request whose body is still being skipped, and how many body bytes remain. */
    private Request waitingForBody;
    private long bodyBytesLeft;

    RequestParser(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /**
     * Takes bytes from {@code in} (between its position and limit) up to the end of one request.
     *
     * @return the request, or null when {@code in} ended before it did (all its bytes are taken and kept)
     * @throws BadRequest when the request must be refused; the connection cannot be used after that
     */
    Request parse(ByteBuffer in) throws BadRequest {
        if (waitingForBody == null) {
            if (!readHead(in)) {
                return null;
            }
            Head parsed = interpret(new String(head, 0, headLength, StandardCharsets.ISO_8859_1));
            headLength = 0;
            waitingForBody = parsed.request;
            bodyBytesLeft = parsed.contentLength;
        }
        int skipped = (int) Math.min(bodyBytesLeft, in.remaining());
        in.position(in.position() + skipped);
        bodyBytesLeft -= skipped;
        if (bodyBytesLeft > 0) {
            return null;
        }
        Request request = waitingForBody;
        waitingForBody = null;
        return request;
    }

    /** Whether part of a request has arrived and the rest has not (a client leaving now left mid-request). */
    boolean isMidRequest() {
        return headLength > 0 || waitingForBody != null;
    }

    /** Copies bytes into {@link #head} until the empty line that ends it; whether it ended. */
    private boolean readHead(ByteBuffer in) throws BadRequest {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (headLength == 0 && (b == '\r' || b == '\n')) {
                continue; // empty lines before a request line are ignored (RFC 9112, 2.2)
            }
            if (headLength == maxHeaderBytes) {
                throw new BadRequest(431, "request line and headers exceed " + maxHeaderBytes + " bytes");
            }
            if (headLength == head.length) {
                head = Arrays.copyOf(head, Math.min(maxHeaderBytes, 2 * head.length));
            }
            head[headLength++] = b;
            if (b == '\n' && endsWithEmptyLine()) {
                return true;
            }
        }
        return false;
    }

    private boolean endsWithEmptyLine() {
        int last = headLength - 1; // head[last] is '\n'
        return (last >= 1 && head[last - 1] == '\n')
                || (last >= 2 && head[last - 1] == '\r' && head[last - 2] == '\n');
    }

    private record Head(Request request, long contentLength) {
    }

    private static Head interpret(String text) throws BadRequest {
        String[] lines = text.split("\r?\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !isToken(requestLine[0]) || requestLine[1].isEmpty()) {
            throw new BadRequest(400, "malformed request line");
        }
        String method = requestLine[0];
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new BadRequest(400, "unsupported method " + method);
        }
        String target = requestLine[1];
        if (target.charAt(0) != '/' || !isVisibleAscii(target)) {
            throw new BadRequest(400, "malformed request target");
        }
        boolean http11 = switch (requestLine[2]) {
            case "HTTP/1.1" -> true;
            case "HTTP/1.0" -> false;
            default -> throw new BadRequest(400, "unsupported version");
        };
        boolean close = false;
        boolean keepAlive = false;
        boolean host = false;
        long contentLength = -1;
        // The split leaves two empty strings after the final line end: the empty line and what follows it.
        for (int i = 1; i < lines.length - 2; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new BadRequest(400, "malformed header line"); // also an obsolete folded line (leading space)
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (!isFieldValue(value)) {
                throw new BadRequest(400, "control character in header " + name);
            }
            switch (name) {
                case "host" -> host = true;
                case "connection" -> {
                    for (String option : value.split(",")) {
                        String token = option.strip().toLowerCase(Locale.ROOT);
                        close |= token.equals("close");
                        keepAlive |= token.equals("keep-alive");
                    }
                }
                case "content-length" -> {
                    long length = contentLength(value);
                    if (contentLength >= 0 && contentLength != length) {
                        throw new BadRequest(400, "conflicting Content-Length headers");
                    }
                    contentLength = length;
                }
                case "transfer-encoding" -> throw new BadRequest(411, "transfer-coded bodies are not accepted");
                default -> {
                    // every other header is ignored
                }
            }
        }
        if (http11 && !host) {
            throw new BadRequest(400, "HTTP/1.1 request without Host");
        }
        boolean persistent = !close && (http11 || keepAlive);
        return new Head(new Request(method, pathOf(target), persistent), Math.max(0, contentLength));
    }

    private static long contentLength(String value) throws BadRequest {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequest(400, "malformed Content-Length");
        }
        long length = Long.parseLong(value);
        if (length > MAX_BODY_BYTES) {
            throw new BadRequest(413, "body of " + length + " bytes exceeds " + MAX_BODY_BYTES);
        }
        return length;
    }

    private static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** An RFC 9110 token: visible ASCII except separators. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisibleAscii(String s) {
        return s.chars().allMatch(c -> c > ' ' && c < 127);
    }

    /** No control characters other than tab (a bare CR inside a line would be one). */
    private static boolean isFieldValue(String s) {
        return s.chars().allMatch(c -> c == '\t' || (c >= ' ' && c != 127));
    }
}
