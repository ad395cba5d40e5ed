package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No peer outlives its parent, and no private folder either, even when the parent dies by {@code kill -9}. */
class ParentDeathTest {

    @ParameterizedTest
    @ValueSource(strings = {"pipe", "uds", "tcp", "shm"})
    @Timeout(60)
    void peerAndItsFolderGoWhenTheParentIsKilled(String transport) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                PeerHolder.class.getName(), transport)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine().split(" ");
        }
        long peerPid = Long.parseLong(line[0]);
        Path dir = Path.of(line[1]);
        assertThat(ProcessHandle.of(peerPid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(dir).exists();

        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
        assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

        // A deadline to wait for, not a time to meet: on a busy machine the peer may take a while to be scheduled.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(peerPid).map(ProcessHandle::isAlive).orElse(false)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(peerPid).map(ProcessHandle::isAlive)).as("peer %d", peerPid)
                .isNotEqualTo(Optional.of(true));
        assertThat(dir).as("private folder").doesNotExist();
    }
}
