package io.execbench.process;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The JVM that {@link ProcessLaunchBenchmark} starts: writes one byte to stdout and exits, a JVM's hello world.
 * Nothing else: no parent watch (it is gone within milliseconds), no option parsing.
 */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) throws IOException {
        try (FileOutputStream out = new FileOutputStream(FileDescriptor.out)) {
            out.write('1');
        }
    }
}
