package io.stratadb.gossip;

import io.stratadb.gossip.state.Endpoint;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An immutable picture of who is up, swapped in whole whenever liveness changes, so request paths
 * can ask {@code isAlive} on any thread without taking the gossiper's lock.
 *
 * @param live endpoints considered up, this node included
 * @param unreachable known endpoints considered down
 */
record LivenessView(Set<Endpoint> live, Set<Endpoint> unreachable) {

    LivenessView {
        // Not Set.copyOf: its iteration order changes from one JVM run to the next.
        live = Collections.unmodifiableSet(new LinkedHashSet<>(live));
        unreachable = Collections.unmodifiableSet(new LinkedHashSet<>(unreachable));
    }
}
