package io.execbench.ipc;

/** A parent for {@link ParentDeathTest}: opens a transport, prints its peer's pid and folder, waits to be killed. */
public final class PeerHolder {

    private PeerHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Transport transport = Transports.open(args[0], 1024);
        transport.call(Frame.ECHO, 16);
        System.out.println(transport.peerPid() + " " + transport.privateDir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
