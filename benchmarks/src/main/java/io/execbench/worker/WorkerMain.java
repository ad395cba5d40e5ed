package io.execbench.worker;

import io.execbench.child.ParentWatch;
import io.execbench.workload.AluKernel;
import io.execbench.workload.Fault;
import io.execbench.workload.FaultyKernel;
import io.execbench.workload.FpKernel;
import io.execbench.workload.Kernel;
import io.execbench.workload.Kernels;
import io.execbench.workload.MemoryKernel;
import io.execbench.workload.WorkloadKernel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * A worker JVM: reads tasks from stdin, runs them on its main thread, writes checksums to stdout
 * ({@link WorkerProtocol}), and exits when stdin ends or its parent is gone ({@link ParentWatch}). Started by
 * {@link WorkerProcess}, never by hand.
 *
 * <p>Arguments: {@code --memory-footprint-bytes=N}, the memory kernel's footprint, which must equal the parent's
 * for the checksums to agree (the chain, and so every walk, depends on it); {@code --socket=PATH}, speak over a Unix
 * domain socket the parent listens on instead of stdin and stdout (stdin then is only the lifeline: its end halts
 * the worker); {@code --fault=NAME}, run the alu kernel as a {@link FaultyKernel} (its poison seed does that
 * {@link Fault}: the fault isolation experiment). A user's workload comes with the parent's
 * {@code -Dexecbench.workload.*} options ({@link io.execbench.workload.UserWorkload}).
 */
public final class WorkerMain {

    static final String FOOTPRINT_OPTION = "--memory-footprint-bytes=";
    static final String SOCKET_OPTION = "--socket=";
    static final String FAULT_OPTION = "--fault=";
    static final int EXIT_PROTOCOL_ERROR = 2;

    private final long memoryFootprintBytes;
    private final Fault fault;
    private final Kernel[] kernels = new Kernel[Kernels.NAMES.size()];

    private WorkerMain(long memoryFootprintBytes, Fault fault) {
        this.memoryFootprintBytes = memoryFootprintBytes;
        this.fault = fault;
    }

    public static void main(String[] args) {
        // A busy worker reads stdin only between tasks: the watch ends it when the parent dies mid-task.
        ParentWatch.start(() -> { });
        long footprint = Kernels.memoryFootprintBytes();
        String socket = null;
        Fault fault = null;
        for (String arg : args) {
            if (arg.startsWith(FOOTPRINT_OPTION)) {
                footprint = Long.parseLong(arg.substring(FOOTPRINT_OPTION.length()));
            } else if (arg.startsWith(SOCKET_OPTION)) {
                socket = arg.substring(SOCKET_OPTION.length());
            } else if (arg.startsWith(FAULT_OPTION)) {
                fault = Fault.parse(arg.substring(FAULT_OPTION.length()));
            }
        }
        // stdout is the reply channel: anything else printed there (a library's banner, a stray println) would be
        // read as garbage, so System.out goes to stderr and the channel uses the raw descriptor.
        OutputStream rawOut = new FileOutputStream(FileDescriptor.out);
        InputStream rawIn = new FileInputStream(FileDescriptor.in);
        System.setOut(System.err);
        try {
            if (socket != null) {
                SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                rawOut = Channels.newOutputStream(channel);
                watchLifeline(rawIn);
                rawIn = Channels.newInputStream(channel);
            }
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(rawOut));
            DataInputStream in = new DataInputStream(new BufferedInputStream(rawIn));
            WorkerMain worker = new WorkerMain(footprint, fault);
            worker.serve(in, out);
            worker.closeKernels(); // a user's workload gets its tearDown() when the worker ends normally
            System.exit(0);
        } catch (IOException e) {
            // The parent is gone (broken pipe) or spoke garbage: either way nobody is left to answer.
            System.err.println("execbench worker: " + e);
            System.exit(EXIT_PROTOCOL_ERROR);
        }
    }

    /** With a socket for tasks, stdin is only the lifeline: its end (the parent closed it, or died) halts us. */
    private static void watchLifeline(InputStream stdin) {
        Thread.ofPlatform().daemon().name("execbench-worker-lifeline").start(() -> {
            try {
                while (stdin.read() >= 0) {
                    // nothing is sent on the lifeline; only its end counts
                }
            } catch (IOException e) {
                // a broken lifeline is an end too
            }
            Runtime.getRuntime().halt(0);
        });
    }

    private void serve(DataInputStream in, DataOutputStream out) throws IOException {
        WorkerProtocol.writeHello(out, ProcessHandle.current().pid());
        out.flush();
        WorkerProtocol.Task task;
        while ((task = WorkerProtocol.readTask(in)) != null) {
            try {
                long checksum = kernel(task.kernel()).run(task.seed(), task.workUnits());
                WorkerProtocol.writeResult(out, task.sequence(), checksum);
            } catch (RuntimeException | OutOfMemoryError e) {
                WorkerProtocol.writeFailure(out, task.sequence(), e.toString());
            }
            // Replies to a pipelined batch leave in one write: flush only once no further task is already waiting.
            if (in.available() == 0) {
                out.flush();
            }
        }
    }

    private void closeKernels() {
        for (Kernel kernel : kernels) {
            if (kernel instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("execbench worker: " + e);
                }
            }
        }
    }

    /** The kernel for a protocol id, built on first use (the memory kernel's chain takes a while and much heap). */
    private Kernel kernel(byte id) {
        if (id < 0 || id >= kernels.length) {
            throw new IllegalArgumentException("unknown kernel id " + id + ", expected 0.." + (kernels.length - 1));
        }
        Kernel kernel = kernels[id];
        if (kernel == null) {
            kernel = kernels[id] = switch (Kernels.NAMES.get(id)) {
                case "alu" -> fault == null ? new AluKernel() : new FaultyKernel(fault);
                case "fp" -> new FpKernel();
                case "memory" -> new MemoryKernel(memoryFootprintBytes);
                case WorkloadKernel.NAME -> WorkloadKernel.configured(); // from the parent's -D options
                default -> throw new IllegalStateException("no worker support for kernel " + Kernels.NAMES.get(id));
            };
        }
        return kernel;
    }
}
