package io.execbench.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes everything to several streams: JMH's output goes to the run's log, a per-benchmark buffer, and maybe stdout. */
final class TeeOutputStream extends OutputStream {

    private final List<OutputStream> sinks;

    TeeOutputStream(List<OutputStream> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void write(int b) throws IOException {
        for (OutputStream sink : sinks) {
            sink.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (OutputStream sink : sinks) {
            sink.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        for (OutputStream sink : sinks) {
            sink.flush();
        }
    }
}
