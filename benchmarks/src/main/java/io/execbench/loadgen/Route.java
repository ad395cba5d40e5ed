package io.execbench.loadgen;

import java.nio.charset.StandardCharsets;

/**
 * The two routes of the server under load. The tag is the route's name in {@link LoadResult} maps and in the
 * {@code .hlog} (HdrHistogram tags may hold neither spaces nor commas).
 */
public enum Route {
    /** Answers at once: the latency every model should keep low. */
    CHEAP("cheap", "/cheap"),
    /** Does CPU-bound work: what an event loop must not run inline. */
    HEAVY("heavy", "/heavy");

    private final String tag;
    private final String path;

    Route(String tag, String path) {
        this.tag = tag;
        this.path = path;
    }

    /** The route's name in results and logs: {@code cheap} or {@code heavy}. */
    public String tag() {
        return tag;
    }

    /** The request path: {@code /cheap} or {@code /heavy}. */
    public String path() {
        return path;
    }

    /** The whole request, encoded once: a keep-alive GET with the Host header HTTP/1.1 requires. */
    byte[] request(String host, int port) {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port; // IPv6 in brackets
        return ("GET " + path + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
