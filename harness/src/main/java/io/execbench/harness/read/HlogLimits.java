package io.execbench.harness.read;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks an {@code .hlog} file's interval lines before HdrHistogram decodes them. HdrHistogram allocates the counts
 * array that a line's header declares, so one 84-byte line declaring 5 significant digits over a range of 2^62
 * costs tens of MB, and a file of such lines minutes. Each interval's encoded header (HdrHistogram's V2 compressed
 * encoding: cookie, compressed length, then a deflated header of cookie, payload length, normalising offset,
 * significant digits, lowest and highest trackable value) is read here, and the counts array it implies is capped.
 *
 * <p>Limits: {@link #MAX_LINE_CHARS} per line, {@link #MAX_INTERVALS} per file, 0 to 5 significant digits, and at
 * most {@link #MAX_COUNTS} counts per interval (3 digits from 1 ns to 2^62 ns need 55,296; the project writes 3).
 */
final class HlogLimits {

    /** A line of the project's logs is a few hundred bytes to a few KB. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** Intervals in one file. */
    static final int MAX_INTERVALS = 1_000_000;
    /** Counts in one interval's histogram: 8 MiB of longs. */
    static final long MAX_COUNTS = 1 << 20;

    private static final int V2_COMPRESSED_COOKIE = 0x1c849304;
    private static final int V2_COOKIE = 0x1c849303;
    private static final int DOUBLE_COMPRESSED_COOKIE = 0x0c72124f;
    private static final int COOKIE_WORD_SIZE_BITS = 0xf0;
    private static final int HEADER_BYTES = 40;

    private HlogLimits() {
    }

    /** Checks every line of {@code text}, the content of {@code file}; the first problem names the interval. */
    static void check(Path file, String text) throws RunReadException {
        int interval = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (end - start > MAX_LINE_CHARS) {
                throw new RunReadException(file, "a line of " + (end - start) + " characters is longer than the "
                        + MAX_LINE_CHARS + " an interval log line may have");
            }
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("\"")) {
                continue; // comments, #[StartTime]/#[BaseTime] and the legend
            }
            if (++interval > MAX_INTERVALS) {
                throw new RunReadException(file, "more than " + MAX_INTERVALS + " intervals");
            }
            checkInterval(file, interval, line);
        }
    }

    private static void checkInterval(Path file, int interval, String line) throws RunReadException {
        String where = "interval " + interval;
        ByteBuffer outer;
        try {
            outer = ByteBuffer.wrap(Base64.getDecoder().decode(line.substring(line.lastIndexOf(',') + 1)));
        } catch (IllegalArgumentException e) {
            throw new RunReadException(file, where + " is not a valid histogram line (not base64)");
        }
        if (outer.remaining() < 8) {
            throw new RunReadException(file, where + " is not a valid histogram line (too short)");
        }
        int cookie = outer.getInt(0);
        if (cookie == DOUBLE_COMPRESSED_COOKIE) {
            throw new RunReadException(file, where + " is a DoubleHistogram; only integer (nanosecond) histograms"
                    + " are read");
        }
        if ((cookie & ~COOKIE_WORD_SIZE_BITS) != V2_COMPRESSED_COOKIE) {
            throw new RunReadException(file, where + " is not a valid histogram line (not an HdrHistogram V2"
                    + " compressed histogram)");
        }
        int compressedBytes = outer.getInt(4);
        if (compressedBytes < 0 || compressedBytes > outer.remaining() - 8) {
            throw new RunReadException(file, where + " is not a valid histogram line (declares " + compressedBytes
                    + " compressed bytes, holds " + (outer.remaining() - 8) + ")");
        }
        checkHeader(file, where, inflateHeader(file, where, outer.array(), compressedBytes));
    }

    private static ByteBuffer inflateHeader(Path file, String where, byte[] bytes, int compressedBytes)
            throws RunReadException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, 8, compressedBytes);
            byte[] header = new byte[HEADER_BYTES];
            int read = 0;
            while (read < HEADER_BYTES && !inflater.finished() && !inflater.needsInput()) {
                read += inflater.inflate(header, read, HEADER_BYTES - read);
            }
            if (read < HEADER_BYTES) {
                throw new RunReadException(file, where + " is not a valid histogram line (header cut short)");
            }
            return ByteBuffer.wrap(header);
        } catch (DataFormatException e) {
            throw new RunReadException(file, where + " is not a valid histogram line (bad compressed data)");
        } finally {
            inflater.end();
        }
    }

    private static void checkHeader(Path file, String where, ByteBuffer header) throws RunReadException {
        if ((header.getInt(0) & ~COOKIE_WORD_SIZE_BITS) != V2_COOKIE) {
            throw new RunReadException(file, where + " is not a valid histogram line (bad inner cookie)");
        }
        int payloadBytes = header.getInt(4);
        int digits = header.getInt(12);
        long lowest = header.getLong(16);
        long highest = header.getLong(24);
        if (digits < 0 || digits > 5) {
            throw new RunReadException(file, where + " declares " + digits
                    + " significant digits; HdrHistogram allows 0 to 5");
        }
        if (lowest < 1 || highest < 2 * lowest) {
            throw new RunReadException(file, where + " declares a value range of " + lowest + " to " + highest
                    + "; expected 1 <= lowest and 2 x lowest <= highest");
        }
        long counts = countsLength(digits, lowest, highest);
        if (counts < 0 || counts > MAX_COUNTS) {
            throw new RunReadException(file, where + " declares " + digits + " significant digits over " + lowest
                    + " to " + highest + (counts < 0 ? ", which HdrHistogram cannot represent"
                    : ", " + counts + " counts; at most " + MAX_COUNTS + " are read"));
        }
        // Each count takes 1 to 9 bytes (zig-zag LEB128) in the payload.
        if (payloadBytes < 0 || payloadBytes > 9 * counts) {
            throw new RunReadException(file, where + " declares a payload of " + payloadBytes + " bytes for "
                    + counts + " counts");
        }
    }

    /**
     * The length of the counts array HdrHistogram allocates for this precision and range, or -1 when HdrHistogram
     * cannot represent it at all (the precision reaches past 2^62 units of the lowest value).
     */
    static long countsLength(int digits, long lowest, long highest) {
        long largestSingleUnitResolution = 2 * (long) Math.pow(10, digits);
        int subBucketCountMagnitude = Math.max(1, 64 - Long.numberOfLeadingZeros(largestSingleUnitResolution - 1));
        int unitMagnitude = 63 - Long.numberOfLeadingZeros(lowest);
        if (unitMagnitude + subBucketCountMagnitude - 1 > 61) {
            return -1;
        }
        long subBucketCount = 1L << subBucketCountMagnitude;
        int buckets = 1;
        // Each bucket doubles the range covered; the last step stops before the shift could overflow.
        for (long untrackable = subBucketCount << unitMagnitude; untrackable <= highest; untrackable <<= 1) {
            buckets++;
            if (untrackable > Long.MAX_VALUE / 2) {
                break;
            }
        }
        return (buckets + 1L) * (subBucketCount / 2);
    }

    /** Decodes a file's bytes for {@link #check}; a malformed byte becomes U+FFFD, which no valid line holds. */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
