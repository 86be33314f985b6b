package io.stratadb.client.protocol;

/** A message the server sends: the result of one request kind, READY, or ERROR. */
public interface Response extends Message {
}
