package io.stratadb.client.protocol.message.error;

import io.stratadb.client.protocol.codec.BodyWriter;

/** For the error codes that carry only a message: an empty details section. */
public enum NoDetails implements ErrorDetails {
    INSTANCE;

    @Override
    public void write(BodyWriter out) {
    }
}
