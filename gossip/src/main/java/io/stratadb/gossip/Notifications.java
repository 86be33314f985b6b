package io.stratadb.gossip;

import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.VersionedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listener events collected while one input (tick, message, local update) is processed and fired
 * only when it is done. Firing afterwards means a listener never sees a half-applied message, and a
 * listener that calls back into the gossiper starts a fresh, separate input.
 */
final class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final List<Consumer<EndpointStateListener>> pending = new ArrayList<>();

    void join(Endpoint endpoint, EndpointState state) {
        pending.add(l -> l.onJoin(endpoint, state));
    }

    void change(Endpoint endpoint, ApplicationState key, VersionedValue value) {
        pending.add(l -> l.onChange(endpoint, key, value));
    }

    void alive(Endpoint endpoint, EndpointState state) {
        pending.add(l -> l.onAlive(endpoint, state));
    }

    void dead(Endpoint endpoint, EndpointState state) {
        pending.add(l -> l.onDead(endpoint, state));
    }

    void restart(Endpoint endpoint, EndpointState state) {
        pending.add(l -> l.onRestart(endpoint, state));
    }

    void remove(Endpoint endpoint) {
        pending.add(l -> l.onRemove(endpoint));
    }

    void fire(List<EndpointStateListener> listeners) {
        for (Consumer<EndpointStateListener> event : pending) {
            for (EndpointStateListener listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    log.error("Gossip listener {} failed; continuing", listener, e);
                }
            }
        }
        pending.clear();
    }
}
