package io.stratadb.client.pool;

import io.stratadb.client.routing.Node;

/**
 * Told when a node's pool gains its first open connection ({@link #onUp}), and when it loses its last one
 * or an attempt to open one fails while it has none ({@link #onDown}: so again for each failed reconnection
 * attempt, which lets a listener back off further). Called outside the pool's lock, on a client thread:
 * implementations must not block.
 */
public interface NodeStateListener {
    NodeStateListener NONE = new NodeStateListener() {
        @Override
        public void onUp(Node node) {
        }

        @Override
        public void onDown(Node node, Throwable cause) {
        }
    };

    void onUp(Node node);

    void onDown(Node node, Throwable cause);
}
