package io.execbench.ipc;

/**
 * A parent for {@link ParentDeathTest}: opens a transport, prints its peer's pid and folder, waits to be killed.
 * With a second argument {@code stall}, it first sends a request the peer answers halfway and then stalls on, so
 * that the peer is reading nothing when its parent dies.
 */
public final class PeerHolder {

    private PeerHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Transport transport = Transports.open(args[0], 1024);
        transport.call(Frame.ECHO, 16);
        if (args.length > 1 && args[1].equals("stall")) {
            transport.send(Frame.FAULT_STALL_MID_REPLY, 64);
        }
        System.out.println(transport.peerPid() + " " + transport.privateDir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
