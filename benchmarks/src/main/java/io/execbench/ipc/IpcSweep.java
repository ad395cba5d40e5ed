package io.execbench.ipc;

import java.util.List;

/**
 * The payload sizes and placement each IPC suite sweeps, per profile: the values of their {@code @Param("auto")}
 * parameters. The seven round-trip sizes (0 B to 16 MiB) are the quick profile; full adds 4 KiB, 64 KiB and
 * 4 MiB; smoke keeps three, enough to run every transport end to end.
 */
final class IpcSweep {

    private static final List<String> ROUND_TRIP_QUICK =
            List.of("0", "64", "1024", "16384", "262144", "1048576", "16777216");
    private static final List<String> ROUND_TRIP_FULL =
            List.of("0", "64", "1024", "4096", "16384", "65536", "262144", "1048576", "4194304", "16777216");
    private static final List<String> ROUND_TRIP_SMOKE = List.of("64", "16384", "1048576");

    private IpcSweep() {
    }

    static List<String> roundTripBytes(String profile) {
        return switch (profile) {
            case "smoke", "test" -> ROUND_TRIP_SMOKE;
            case "full" -> ROUND_TRIP_FULL;
            default -> ROUND_TRIP_QUICK;
        };
    }

    static List<String> streamBytes(String profile) {
        return switch (profile) {
            case "full" -> List.of("65536", "1048576", "16777216");
            default -> List.of("1048576"); // quick fits 10 minutes with every suite: the point, 1 MiB
        };
    }

    static List<String> formatBytes(String profile) {
        return switch (profile) {
            case "full" -> List.of("1024", "1048576");
            default -> List.of("1024");
        };
    }

    /** The placement every suite uses: split where two CPUs can be pinned, else os. */
    static List<String> placement() {
        return List.of(IpcPlacement.best().label());
    }

    /** {@code payloadBytes} as a number, or a message that says how to run the suite. */
    static int parseBytes(String payloadBytes) {
        try {
            int bytes = Integer.parseInt(payloadBytes.trim());
            if (bytes < 0) {
                throw new NumberFormatException("negative");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("payloadBytes='" + payloadBytes + "' is not a size: run through the"
                    + " execbench runner (which resolves \"auto\") or pass -p payloadBytes=N", e);
        }
    }

    static IllegalArgumentException noAutoValues(String param) {
        return new IllegalArgumentException("no automatic values for @Param " + param);
    }
}
