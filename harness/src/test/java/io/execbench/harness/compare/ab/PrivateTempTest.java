package io.execbench.harness.compare.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class PrivateTempTest {

    @Test
    void anIpcBenchmarksSocketFitsInsideAndCloseDeletesEverything() throws IOException {
        Path path;
        try (PrivateTemp temp = PrivateTemp.create("execbench-ab-")) {
            path = temp.path();
            assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            // What a fork's IPC benchmark makes in its java.io.tmpdir (io.execbench.ipc.PrivateDir, Transports).
            Path ipc = Files.createTempDirectory(path, "execbench-ipc-");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(ipc.resolve("peer.sock")));
            }
            Files.writeString(path.resolve("jmh.lock"), "");
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void aFolderAlreadyGoneClosesQuietly() throws IOException {
        PrivateTemp temp = PrivateTemp.create("execbench-ab-");
        Files.delete(temp.path());

        temp.close();

        assertThat(temp.path()).doesNotExist();
    }
}
