package io.stratadb.client.pool;

import io.stratadb.client.routing.Node;

/**
 * Told when a node's pool gains its first open connection or loses its last one (or fails to open any).
 * Called outside the pool's lock, on a client thread: implementations must not block.
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
