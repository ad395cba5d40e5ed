package io.execbench.server;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parent for {@link ProcessesServerTest}'s kill test: starts a two-process server, prints its children's pids on one
 * line, and waits to be killed.
 */
public final class ServerHolder {

    private ServerHolder() {
    }

    public static void main(String[] args) throws Exception {
        RunningServer server = Servers.start(new ServerConfig("processes", 1, 2, "alu", 1_000, 8192, 10_000,
                List.of()));
        System.out.println(server.pids().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
