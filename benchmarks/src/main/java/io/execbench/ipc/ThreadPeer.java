package io.execbench.ipc;

import java.util.concurrent.TimeUnit;

/** The {@code threads} transport's peer: an {@link EchoLoop} on a platform thread of this JVM. */
final class ThreadPeer implements Peer {

    private final Thread thread;
    private volatile Throwable failure;

    ThreadPeer(Link link, int maxPayloadBytes, int peerCpu) {
        EchoLoop loop = new EchoLoop(link, maxPayloadBytes, new EchoLoop.Death() {
            @Override
            public void die() {
                throw new IllegalStateException("told to die mid-message");
            }

            @Override
            public void stall() {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        this.thread = Thread.ofPlatform().name("execbench-ipc-peer").daemon().unstarted(() -> {
            try {
                IpcPlacement.pinCurrentThread(peerCpu);
                loop.run();
            } catch (Throwable e) {
                failure = e;
            }
        });
        thread.start();
    }

    @Override
    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void kill() {
        thread.interrupt();
    }

    @Override
    public String describe() {
        if (thread.isAlive()) {
            return "peer thread is alive";
        }
        Throwable cause = failure;
        return cause == null ? "peer thread ended" : "peer thread ended with " + cause;
    }

    @Override
    public void close(long graceMs) {
        try {
            if (!thread.join(java.time.Duration.ofMillis(graceMs))) {
                thread.interrupt();
                thread.join(java.time.Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("peer thread did not end within " + TimeUnit.MILLISECONDS.toSeconds(graceMs)
                    + " s of being interrupted");
        }
    }

    @Override
    public long pid() {
        return -1;
    }
}
