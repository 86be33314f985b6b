package io.stratadb.client.protocol;

/** A message a client sends; the server answers on the same stream with a {@link Response}. */
public interface Request extends Message {
}
