package io.execbench.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An incremental HTTP/1.1 response parser for the load generator: status line, headers, a {@code Content-Length}
 * body (skipped, not kept), and whether the server will close the connection after this response.
 *
 * <p>Fed whatever bytes arrived, it stops at the end of each response so the caller can charge that response to the
 * oldest outstanding request and then feed it the rest (pipelined responses arrive back to back). It allocates
 * nothing per response: the generator parses tens of thousands a second on one thread.
 *
 * <p>Deliberately narrow, because the server under test is ours: a chunked body, an interim 1xx response, a
 * response with neither a length nor a status that has no body, an over-long head, or anything not HTTP/1.x is a
 * {@link MalformedResponseException} naming what was wrong, and the caller drops the connection.
 */
final class HttpResponseParser {

    /** The longest status line or header line accepted. */
    static final int MAX_LINE_BYTES = 8 * 1024;
    /** The most header lines accepted. */
    static final int MAX_HEADERS = 100;
    /** The longest body accepted: far beyond any reply of the server under test. */
    static final long MAX_BODY_BYTES = 1L << 30;

    /** A response this parser cannot or will not read; the message says why. */
    static final class MalformedResponseException extends Exception {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    private enum State { STATUS_LINE, HEADERS, BODY }

    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int lineLength;
    private State state = State.STATUS_LINE;
    private int headers;
    private int status;
    private boolean http10;
    private boolean closeRequested;
    private boolean keepAliveRequested;
    private long contentLength;
    private long bodyLeft;

    HttpResponseParser() {
        reset();
    }

    /**
     * Consumes bytes from {@code in} up to the end of one response (true: {@link #status} and
     * {@link #closeRequested} describe it, and {@link #reset} must be called before the next) or until {@code in} is
     * empty (false: call again with more bytes).
     */
    boolean parse(ByteBuffer in) throws MalformedResponseException {
        while (in.hasRemaining()) {
            if (state == State.BODY) {
                int skip = (int) Math.min(in.remaining(), bodyLeft);
                in.position(in.position() + skip);
                bodyLeft -= skip;
                if (bodyLeft == 0) {
                    return true;
                }
                continue;
            }
            byte b = in.get();
            if (b != '\n') {
                if (lineLength == MAX_LINE_BYTES) {
                    throw new MalformedResponseException("a " + (state == State.STATUS_LINE ? "status" : "header")
                            + " line longer than " + MAX_LINE_BYTES + " bytes");
                }
                line[lineLength++] = b;
                continue;
            }
            int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
            lineLength = 0;
            if (state == State.STATUS_LINE) {
                statusLine(length);
                state = State.HEADERS;
            } else if (length > 0) {
                header(length);
            } else if (endOfHead()) {
                return true;
            }
        }
        return false;
    }

    /** The status code of the response just parsed. */
    int status() {
        return status;
    }

    /** Whether the server said it closes the connection after this response (or is HTTP/1.0 without keep-alive). */
    boolean closeRequested() {
        return closeRequested || (http10 && !keepAliveRequested);
    }

    /** Ready for the next response on the same connection. */
    void reset() {
        state = State.STATUS_LINE;
        lineLength = 0;
        headers = 0;
        status = 0;
        http10 = false;
        closeRequested = false;
        keepAliveRequested = false;
        contentLength = -1;
        bodyLeft = 0;
    }

    // "HTTP/1.1 200 OK": version, one space, three digits, then a space and a reason or nothing.
    private void statusLine(int length) throws MalformedResponseException {
        if (length < 12 || !startsWith(line, "HTTP/1.") || (line[7] != '0' && line[7] != '1') || line[8] != ' '
                || !digit(line[9]) || !digit(line[10]) || !digit(line[11]) || (length > 12 && line[12] != ' ')) {
            throw new MalformedResponseException("not an HTTP/1.x status line: " + printable(length));
        }
        http10 = line[7] == '0';
        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        if (status < 200) {
            throw new MalformedResponseException("status " + status + ": interim and invalid statuses are not"
                    + " expected from the server under test");
        }
    }

    private void header(int length) throws MalformedResponseException {
        if (++headers > MAX_HEADERS) {
            throw new MalformedResponseException("more than " + MAX_HEADERS + " header lines");
        }
        if (line[0] == ' ' || line[0] == '\t') {
            throw new MalformedResponseException("a folded header line (obsolete in HTTP/1.1): " + printable(length));
        }
        int colon = 0;
        while (colon < length && line[colon] != ':') {
            colon++;
        }
        if (colon == 0 || colon == length) {
            throw new MalformedResponseException("a header line without a name and a colon: " + printable(length));
        }
        int from = colon + 1;
        int to = length;
        while (from < to && (line[from] == ' ' || line[from] == '\t')) {
            from++;
        }
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
            to--;
        }
        if (nameIs(colon, "content-length")) {
            long value = number(from, to);
            if (contentLength >= 0 && contentLength != value) {
                throw new MalformedResponseException("two different Content-Length headers");
            }
            contentLength = value;
        } else if (nameIs(colon, "transfer-encoding")) {
            throw new MalformedResponseException("Transfer-Encoding is not supported (the server under test sends"
                    + " Content-Length)");
        } else if (nameIs(colon, "connection")) {
            closeRequested |= containsIgnoreCase(from, to, "close");
            keepAliveRequested |= containsIgnoreCase(from, to, "keep-alive");
        }
    }

    // True when the response is complete at the end of its head (no body).
    private boolean endOfHead() throws MalformedResponseException {
        if (status == 204 || status == 304) {
            return true;
        }
        if (contentLength < 0) {
            throw new MalformedResponseException("status " + status + " without Content-Length (a body read until"
                    + " the connection closes is not supported)");
        }
        if (contentLength == 0) {
            return true;
        }
        bodyLeft = contentLength;
        state = State.BODY;
        return false;
    }

    private long number(int from, int to) throws MalformedResponseException {
        if (from == to || to - from > 10) {
            throw new MalformedResponseException("Content-Length '" + new String(line, from, to - from,
                    StandardCharsets.ISO_8859_1) + "' is not a length");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!digit(line[i])) {
                throw new MalformedResponseException("Content-Length '" + printable(from, to) + "' is not a number");
            }
            value = value * 10 + (line[i] - '0');
        }
        if (value > MAX_BODY_BYTES) {
            throw new MalformedResponseException("Content-Length " + value + " exceeds " + MAX_BODY_BYTES);
        }
        return value;
    }

    private boolean nameIs(int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (lower(line[i]) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(int from, int to, String token) {
        outer:
        for (int start = from; start + token.length() <= to; start++) {
            for (int i = 0; i < token.length(); i++) {
                if (lower(line[start + i]) != token.charAt(i)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private String printable(int length) {
        return printable(0, length);
    }

    // The server's bytes go into an error message: short, and with control and non-ASCII characters escaped.
    private String printable(int from, int to) {
        StringBuilder text = new StringBuilder("'");
        for (int i = from; i < Math.min(to, from + 80); i++) {
            int c = line[i] & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return text.append(to - from > 80 ? "...'" : "'").toString();
    }
}
