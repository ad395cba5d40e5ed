package io.execbench.harness.ipc;

/**
 * One measured round trip: a transport at one payload size.
 *
 * @param transport    e.g. {@code uds}
 * @param payloadBytes bytes sent each way
 * @param micros       the round trip in microseconds (the SampleTime median, see {@link RoundTripPoints})
 */
public record RoundTripPoint(String transport, long payloadBytes, double micros) {

    public RoundTripPoint {
        if (payloadBytes < 0 || !(micros > 0) || Double.isInfinite(micros)) {
            throw new IllegalArgumentException(transport + ": a round trip of " + payloadBytes + " bytes in "
                    + micros + " us cannot be fitted");
        }
    }
}
