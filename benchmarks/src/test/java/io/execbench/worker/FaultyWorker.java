package io.execbench.worker;

import io.execbench.child.ParentWatch;
import io.execbench.workload.AluKernel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A worker that behaves (alu kernel only) until it is sent {@link #FAULT_SEED}, then misbehaves as its argument says:
 * {@code exit} (writes to stderr, exits with {@link #EXIT_CODE}), {@code garbage} (answers text) or {@code hang}.
 * Two faults happen before any task: {@code silent} never says hello, {@code slowStart} says it only after
 * {@link #SLOW_START_MS} (a JVM start on a busy machine), then behaves.
 */
public final class FaultyWorker {

    static final long FAULT_SEED = 666;
    static final int EXIT_CODE = 7;
    static final long SLOW_START_MS = 1_000;

    private FaultyWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String fault = args[0];
        ParentWatch.start(() -> { }); // a hung or silent worker must not outlive a killed test JVM either
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        switch (fault) {
            case "silent" -> Thread.sleep(Long.MAX_VALUE);
            case "slowStart" -> Thread.sleep(SLOW_START_MS);
            default -> { } // misbehaves later, on FAULT_SEED
        }
        WorkerProtocol.writeHello(out, ProcessHandle.current().pid());
        out.flush();
        WorkerProtocol.Task task;
        while ((task = WorkerProtocol.readTask(in)) != null) {
            if (task.seed() == FAULT_SEED) {
                switch (fault) {
                    case "exit" -> {
                        System.err.println("line one");
                        System.err.println("deliberate crash on seed " + task.seed());
                        System.exit(EXIT_CODE);
                    }
                    case "garbage" -> {
                        out.write("Picked up JAVA_TOOL_OPTIONS\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        continue;
                    }
                    case "hang" -> Thread.sleep(Long.MAX_VALUE);
                    default -> throw new IllegalArgumentException(fault);
                }
            }
            WorkerProtocol.writeResult(out, task.sequence(), new AluKernel().run(task.seed(), task.workUnits()));
            out.flush();
        }
    }
}
