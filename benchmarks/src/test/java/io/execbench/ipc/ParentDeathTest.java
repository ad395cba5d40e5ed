package io.execbench.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import io.execbench.child.ChildJvm;
import io.execbench.child.ProcessTree;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No peer outlives its parent, and no private folder either, whether the parent ends by SIGTERM or dies by
 * {@code kill -9}.
 */
class ParentDeathTest {

    @ParameterizedTest
    @ValueSource(strings = {"pipe", "uds", "tcp", "shm"})
    @Timeout(90)
    void peerAndItsFolderGoWhenTheParentIsKilled(String transport) throws Exception {
        killParentAndCheck(transport);
    }

    /** Its stdin is its data stream and it reads none while it stalls: only its parent watch can end it. */
    @Test
    @Timeout(90)
    void aStalledPipePeerGoesWhenTheParentIsKilled() throws Exception {
        killParentAndCheck("pipe", "stall");
    }

    /** SIGTERM: the parent's shutdown hooks end the peer and delete its folder before the parent exits. */
    @ParameterizedTest
    @ValueSource(strings = {"pipe", "shm"})
    @Timeout(90)
    void aParentEndedBySigtermLeavesNoPeerAndNoFolder(String transport) throws Exception {
        Process parent = startHolder(transport);
        ProcessHandle peer = null;
        Path dir = null;
        try {
            String[] line = firstLine(parent);
            peer = ProcessHandle.of(Long.parseLong(line[0])).orElseThrow();
            dir = Path.of(line[1]);
            assertThat(dir).exists();

            parent.destroy();
            assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(ProcessTree.isRunning(peer)).as("peer %d after its parent exited", peer.pid()).isFalse();
            assertThat(dir).as("private folder").doesNotExist();
        } finally {
            cleanUp(parent, peer, dir);
        }
    }

    /** After a failed check, whatever the test left: the processes, then the folder (killed peers keep theirs). */
    private static void cleanUp(Process parent, ProcessHandle peer, Path dir) {
        parent.destroyForcibly();
        if (peer != null) {
            peer.destroyForcibly();
            ProcessTree.awaitEnd(List.of(peer), Duration.ofSeconds(10));
        }
        if (dir != null) {
            PrivateDir.of(dir).delete();
        }
    }

    private static Process startHolder(String... holderArgs) throws Exception {
        return new ProcessBuilder(ChildJvm.argv(List.of(), PeerHolder.class.getName(),
                List.of(holderArgs))).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String[] firstLine(Process parent) throws Exception {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8))) {
            return out.readLine().split(" ");
        }
    }

    private static void killParentAndCheck(String... holderArgs) throws Exception {
        Process parent = startHolder(holderArgs);
        ProcessHandle peer = null;
        Path dir = null;
        try {
            String[] line = firstLine(parent);
            peer = ProcessHandle.of(Long.parseLong(line[0])).orElseThrow();
            dir = Path.of(line[1]);
            assertThat(ProcessTree.isRunning(peer)).isTrue();
            assertThat(dir).exists();

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // A deadline to wait for, not a time to meet: on a busy machine the peer may take a while to be scheduled.
            assertThat(ProcessTree.awaitEnd(List.of(peer), Duration.ofSeconds(30))).as("peer %d ended", peer.pid())
                    .isTrue();
            assertThat(dir).as("private folder").doesNotExist();
        } finally {
            cleanUp(parent, peer, dir);
        }
    }
}
