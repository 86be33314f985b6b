package io.stratadb.gossip;

/** The one place gossip reads the machine's clocks. */
final class SystemGossipClock implements GossipClock {

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}
