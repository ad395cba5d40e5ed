package io.execbench.server;

import io.execbench.child.ParentWatch;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One server JVM: for the {@code processes} model one of N {@code eventLoop}s bound with SO_REUSEPORT, for the
 * others ({@link Servers#startInChildJvm}) the one JVM that model's server runs in, away from the load generator's
 * heap and JIT. Started by {@link ProcessesServer} through {@link io.execbench.child.ChildJvm}, never by hand.
 *
 * <p>Protocol, one line each, on stdin and stdout (System.out goes to stderr, so nothing else can reach stdout):
 * <pre>
 * child:  execbench-server ready port=&lt;port&gt;     once listening
 * parent: lag                                     child: execbench-server lag &lt;base64&gt;   (the lag so far)
 * parent: stop, or the end of stdin               child: stops the server, then execbench-server lag &lt;base64&gt;
 *                                                 (everything recorded), then exits 0
 * </pre>
 * The histogram is HdrHistogram's compressed encoding in Base64 ({@link LoopLag#encode}); a model without a loop
 * (threadPool, virtual) sends an empty one. The end of stdin is also
 * what a child sees when its parent dies, even by {@code kill -9}; a child too busy to read it is ended by its
 * {@link ParentWatch}.
 *
 * <p>Arguments: {@code --model=NAME --pool-size=N --port=N} (0: pick one) {@code --heavy-kernel=NAME --heavy-work-units=N --max-header-bytes=N
 * --idle-timeout-ms=N --cpus=0,1,...} (cpus may be empty).
 */
public final class ServerMain {

    static final String READY = "execbench-server ready port=";
    static final String LAG = "execbench-server lag ";
    static final int EXIT_CANNOT_START = 2;

    private ServerMain() {
    }

    public static void main(String[] args) {
        ParentWatch.start(() -> { });
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.US_ASCII);
        System.setOut(System.err);
        RunningServer server;
        try {
            server = Servers.startInProcess(config(args), intOption(args, "--port="), true);
        } catch (IOException | RuntimeException e) {
            System.err.println("execbench server child: cannot start: " + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        protocol.println(READY + server.port());
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        try {
            String line;
            while ((line = stdin.readLine()) != null && !line.equals("stop")) {
                if (line.equals("lag")) {
                    protocol.println(LAG + LoopLag.encode(server.loopLagNs().orElseGet(LoopLag::empty)));
                }
            }
        } catch (IOException e) {
            // a broken lifeline is an end too
        }
        server.close();
        protocol.println(LAG + LoopLag.encode(server.loopLagNs().orElseGet(LoopLag::empty)));
        System.exit(0);
    }

    /** The child's arguments for {@code config} on {@code port}: a processes config's children are event loops. */
    static List<String> arguments(ServerConfig config, int port) {
        return List.of("--model=" + childModel(config), "--pool-size=" + config.poolSize(), "--port=" + port, "--heavy-kernel=" + config.heavyKernel(),
                "--heavy-work-units=" + config.heavyWorkUnits(), "--max-header-bytes=" + config.maxHeaderBytes(),
                "--idle-timeout-ms=" + config.idleTimeoutMs(),
                "--cpus=" + String.join(",", config.cpus().stream().map(String::valueOf).toList()));
    }

    /** The model each child JVM of {@code config} runs. */
    static String childModel(ServerConfig config) {
        return config.model().equals("processes") ? "eventLoop" : config.model();
    }

    /** The config {@link #arguments} describe. */
    static ServerConfig config(String[] args) {
        List<Integer> cpus = new ArrayList<>();
        String cpuList = option(args, "--cpus=");
        if (!cpuList.isEmpty()) {
            Arrays.stream(cpuList.split(",")).map(Integer::valueOf).forEach(cpus::add);
        }
        return new ServerConfig(option(args, "--model="), intOption(args, "--pool-size="), 1,
                option(args, "--heavy-kernel="),
                intOption(args, "--heavy-work-units="), intOption(args, "--max-header-bytes="),
                Long.parseLong(option(args, "--idle-timeout-ms=")), cpus);
    }

    private static int intOption(String[] args, String prefix) {
        return Integer.parseInt(option(args, prefix));
    }

    private static String option(String[] args, String prefix) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException("missing argument " + prefix + "...");
    }
}
