package io.execbench.ipc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import com.fasterxml.jackson.databind.util.ByteBufferBackedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The structured message of the format comparison: an order with lines, a typical object graph that a service
 * would send to a worker, written as JSON with Jackson (the format of Node.js's fork channel, and of most
 * services). Strings, ints and doubles in proportions usual for such messages.
 */
public final class OrderGraph {

    /** One order; {@code lines} grows with the wanted size. */
    public record Order(long id, String customer, String currency, List<Line> lines) {
    }

    /** One line of an order. */
    public record Line(String sku, int quantity, double unitPrice, String note) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderGraph() {
    }

    /** An order whose JSON is close to {@code targetBytes} long (at least one line's worth). */
    public static Order ofAbout(int targetBytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Order empty = new Order(seed, "customer-" + random.nextInt(1_000_000), "EUR", List.of());
        int fixed = size(empty);
        int perLine = size(new Order(seed, empty.customer(), "EUR", List.of(line(random)))) - fixed + 1;
        int count = Math.max(1, (targetBytes - fixed) / perLine);
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(line(random));
        }
        return new Order(seed, empty.customer(), "EUR", List.copyOf(lines));
    }

    private static Line line(SplittableRandom random) {
        return new Line("SKU-" + (100_000 + random.nextInt(900_000)), 1 + random.nextInt(20),
                Math.round(random.nextDouble(0.5, 500) * 100) / 100.0, "gift wrap " + random.nextInt(10));
    }

    static int size(Order order) {
        try {
            return MAPPER.writeValueAsBytes(order).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code order} as JSON into {@code buffer} from {@code offset}; returns the bytes written. */
    public static int write(Order order, ByteBuffer buffer, int offset) throws IOException {
        ByteBuffer target = buffer.duplicate().position(offset);
        MAPPER.writeValue(new ByteBufferBackedOutputStream(target), order);
        return target.position() - offset;
    }

    /** Parses the JSON order at {@code buffer[offset, offset + length)}. */
    public static Order read(ByteBuffer buffer, int offset, int length) throws IOException {
        return MAPPER.readValue(new ByteBufferBackedInputStream(buffer.slice(offset, length)), Order.class);
    }
}
