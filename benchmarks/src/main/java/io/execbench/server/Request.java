package io.execbench.server;

/**
 * One parsed HTTP/1.x request, as far as this server cares: what to answer and whether to keep the connection.
 *
 * @param method    GET or HEAD (the parser rejects the others)
 * @param path      the request target up to any {@code ?} query
 * @param keepAlive whether the connection stays open after the answer: HTTP/1.1 unless {@code Connection: close},
 *                  HTTP/1.0 only with {@code Connection: keep-alive}
 */
record Request(String method, String path, boolean keepAlive) {

    boolean isHead() {
        return method.equals("HEAD");
    }
}
