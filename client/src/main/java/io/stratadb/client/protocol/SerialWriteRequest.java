package io.stratadb.client.protocol;

/**
 * A write that runs a Paxos round among the key's replicas: PUT_IF_ABSENT, CAS, DELETE_IF, SERIAL_PUT. Its
 * body starts like every data request's ({@code string keyspace, consistency}) and then carries the serial
 * level, so a coordinator can check both levels before it decodes the rest.
 *
 * <p>{@link #consistency()} is the commit level: how many replicas must store the decided value before the
 * answer (any level valid for a write). {@link #serialConsistency()} is the Paxos level: SERIAL (a majority of
 * all replicas) or LOCAL_SERIAL (a majority in the coordinator's datacenter).
 */
public interface SerialWriteRequest extends DataRequest {
    ConsistencyLevel serialConsistency();

    Bytes key();
}
