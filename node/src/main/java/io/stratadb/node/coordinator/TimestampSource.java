package io.stratadb.node.coordinator;

/**
 * Where a coordinator gets the timestamp of a write the client did not stamp. An interface so the
 * cluster can swap in a hybrid logical clock that also advances past timestamps it observes from peers.
 */
public interface TimestampSource {

    /** A write timestamp in microseconds since the epoch, greater than every one returned before. */
    long nextTimestampMicros();
}
