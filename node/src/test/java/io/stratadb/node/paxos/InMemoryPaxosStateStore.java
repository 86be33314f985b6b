package io.stratadb.node.paxos;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Paxos state in a map, for tests. It outlives the {@link PaxosReplica} that uses it, which is how a
 * test models a crash and restart: the state the real store syncs before answering is all that remains.
 */
final class InMemoryPaxosStateStore implements PaxosStateStore {

    private final Map<String, PaxosState> states = new HashMap<>();
    private int saves;

    @Override
    public synchronized PaxosState load(String table, byte[] key) {
        return states.getOrDefault(id(table, key), PaxosState.EMPTY);
    }

    @Override
    public synchronized void save(String table, byte[] key, PaxosState state) {
        saves++;
        states.put(id(table, key), state);
    }

    synchronized int saves() {
        return saves;
    }

    private static String id(String table, byte[] key) {
        return table + "/" + HexFormat.of().formatHex(key);
    }
}
