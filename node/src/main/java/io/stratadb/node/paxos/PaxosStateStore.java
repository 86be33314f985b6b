package io.stratadb.node.paxos;

/**
 * Where an acceptor keeps {@link PaxosState} per key. {@link #save} must not return before the state
 * would survive a crash of the machine: the acceptor answers right after it.
 */
public interface PaxosStateStore {

    /** The key's state, {@link PaxosState#EMPTY} if it never had one. */
    PaxosState load(String table, byte[] key);

    /** Stores the key's state durably (synced to disk) before returning. */
    void save(String table, byte[] key, PaxosState state);
}
