package io.stratadb.client.protocol.codec;

/** Which end of a connection a {@link MessageCodec} serves: it decides which direction is inbound. */
public enum PeerRole {
    /** Receives requests, sends responses. */
    SERVER,
    /** Sends requests, receives responses. */
    CLIENT;

    boolean receivesResponses() {
        return this == CLIENT;
    }
}
