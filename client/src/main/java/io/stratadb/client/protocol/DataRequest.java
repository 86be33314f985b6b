package io.stratadb.client.protocol;

/**
 * A request that reads or writes rows. All of them name a keyspace and a consistency level, in that
 * order at the start of the body, so a coordinator can route and check them before decoding the rest.
 */
public interface DataRequest extends Request {
    String keyspace();

    ConsistencyLevel consistency();
}
