package io.stratadb.gossip;

import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.VersionedValue;

/**
 * Membership events, delivered on the thread driving the gossiper, after the gossiper's own state
 * is updated (queries made from a callback see the change). Callbacks must be quick and must not
 * block; they may call back into the gossiper. An exception from a callback is logged and does not
 * stop other listeners or the gossiper.
 *
 * <p>Per remote endpoint the events come in this order: {@code onJoin} once, then any number of
 * {@code onChange}, {@code onAlive}/{@code onDead} (strictly alternating, starting with alive),
 * {@code onRestart}; finally {@code onRemove}. A restart comes as {@code onDead} (if it was alive),
 * {@code onRestart} with the whole new state, then {@code onAlive} once the new incarnation is seen.
 * An endpoint removed and later back with a new generation starts over with {@code onJoin}.
 */
public interface EndpointStateListener {

    /** First time this node hears of {@code endpoint}; {@code state} holds everything known so far. */
    default void onJoin(Endpoint endpoint, EndpointState state) {
    }

    /**
     * One announced value changed within the same incarnation. Also called for this node's own
     * changes. When one message changes several keys, STATUS comes last, so a status handler can
     * read the tokens, datacenter and rack that arrived with it.
     */
    default void onChange(Endpoint endpoint, ApplicationState key, VersionedValue value) {
    }

    /** The endpoint is now considered up. */
    default void onAlive(Endpoint endpoint, EndpointState state) {
    }

    /** The endpoint is now considered down (convicted, announced shutdown or LEFT, or restarted). */
    default void onDead(Endpoint endpoint, EndpointState state) {
    }

    /** The endpoint restarted: {@code state} (new generation) replaced the old one wholesale. */
    default void onRestart(Endpoint endpoint, EndpointState state) {
    }

    /** The endpoint left and was dropped from membership. */
    default void onRemove(Endpoint endpoint) {
    }
}
