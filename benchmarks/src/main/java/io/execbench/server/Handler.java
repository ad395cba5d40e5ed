package io.execbench.server;

import io.execbench.workload.Kernel;
import java.nio.charset.StandardCharsets;

/**
 * The application, shared by every model: turns a parsed {@link Request} into {@link Response} bytes. Routes:
 * {@code GET /cheap}, a constant body (microseconds, prebuilt); {@code GET /heavy}, the configured kernel run for the
 * configured work units from {@link Servers#HEAVY_SEED}, its checksum in decimal as the body (so a client can check
 * the work was done); any other path, 404. HEAD gets the same headers without the body.
 *
 * <p>Every answer carries Content-Length and {@code Connection: keep-alive} or {@code close}. The models ask
 * {@link #isHeavy} only to decide where {@link #respond} runs; the answer is the same wherever it does. The kernel is
 * shared by every thread that responds, as the project's kernels allow (they keep no state between runs).
 */
final class Handler {

    static final byte[] CHEAP_BODY = "cheap\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_FOUND_BODY = "not found\n".getBytes(StandardCharsets.US_ASCII);

    private final Kernel heavyKernel;
    private final int heavyWorkUnits;
    // Prebuilt, indexed by keepAlive, then head: the cheap route allocates nothing.
    private final Response[][] cheap = new Response[2][2];

    Handler(Kernel heavyKernel, int heavyWorkUnits) {
        this.heavyKernel = heavyKernel;
        this.heavyWorkUnits = heavyWorkUnits;
        for (int keepAlive = 0; keepAlive < 2; keepAlive++) {
            for (int head = 0; head < 2; head++) {
                cheap[keepAlive][head] = response(200, CHEAP_BODY, keepAlive == 1, head == 1);
            }
        }
    }

    /** Whether {@code request} is the heavy route: the one a loop may hand to another thread. */
    boolean isHeavy(Request request) {
        return request.path().equals("/heavy");
    }

    /** The answer to {@code request}; runs the kernel for the heavy route, on the calling thread. */
    Response respond(Request request) {
        return switch (request.path()) {
            case "/cheap" -> cheap[request.keepAlive() ? 1 : 0][request.isHead() ? 1 : 0];
            case "/heavy" -> heavy(request);
            default -> response(404, NOT_FOUND_BODY, request.keepAlive(), request.isHead());
        };
    }

    private Response heavy(Request request) {
        long checksum;
        try {
            checksum = heavyKernel.run(Servers.HEAVY_SEED, heavyWorkUnits);
        } catch (RuntimeException e) {
            // A user's kernel may throw: the client gets a 500 and the server keeps serving.
            return response(500, (e + "\n").getBytes(StandardCharsets.UTF_8), false, request.isHead());
        }
        byte[] body = (checksum + "\n").getBytes(StandardCharsets.US_ASCII);
        return response(200, body, request.keepAlive(), request.isHead());
    }

    /** The answer to a refused request; the connection closes after it. */
    static Response reject(BadRequest refusal) {
        byte[] body = (refusal.getMessage() + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return response(refusal.status(), body, false, false);
    }

    static Response response(int status, byte[] body, boolean keepAlive, boolean head) {
        String header = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
        byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        int bodyLength = head ? 0 : body.length;
        byte[] bytes = new byte[headerBytes.length + bodyLength];
        System.arraycopy(headerBytes, 0, bytes, 0, headerBytes.length);
        System.arraycopy(body, 0, bytes, headerBytes.length, bodyLength);
        return new Response(bytes, !keepAlive);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            default -> "Status " + status;
        };
    }
}
