package io.stratadb.gossip;

import io.stratadb.gossip.fd.PhiAccrualFailureDetector;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import io.stratadb.gossip.state.VersionedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies endpoint states received in an ACK or ACK2 to the membership table.
 *
 * <p>Merge rules: a higher generation replaces the whole state (the endpoint restarted); a lower
 * one is ignored (a message about a dead incarnation); within a generation, each value and the
 * heartbeat are taken only if their version is higher than ours.
 *
 * <p>Liveness rules: an endpoint is marked up on evidence that it ran recently: its heartbeat
 * version grew, or the state came straight from it. A state learned second-hand about an endpoint
 * we did not know, or about a new incarnation, does not count: the endpoint may have died since,
 * and marking it up would only have the failure detector convict it 18 s later. Without an echo
 * round trip (which Cassandra uses) an endpoint we cannot reach but others can still shows as up.
 */
final class StateMerger {

    private static final Logger log = LoggerFactory.getLogger(StateMerger.class);

    private final Membership membership;
    private final PhiAccrualFailureDetector failureDetector;
    private final long maxGenerationSkewSeconds;

    StateMerger(Membership membership, PhiAccrualFailureDetector failureDetector, GossipConfig config) {
        this.membership = membership;
        this.failureDetector = failureDetector;
        this.maxGenerationSkewSeconds = config.maxGenerationSkew().toSeconds();
    }

    void merge(Endpoint from, Map<Endpoint, EndpointState> remote, long nowNanos, long wallMillis,
               Notifications events) {
        for (Map.Entry<Endpoint, EndpointState> e : remote.entrySet()) {
            Endpoint ep = e.getKey();
            EndpointState incoming = e.getValue();
            // We are the only authority on our own state; and an incarnation that left and was
            // evicted stays out, however late a peer gossips about it.
            if (ep.equals(membership.self()) || membership.departed().covers(ep, incoming.generation())) {
                continue;
            }
            boolean direct = ep.equals(from);
            EndpointState local = membership.get(ep);
            if (local == null) {
                join(ep, incoming, direct, nowNanos, wallMillis, events);
            } else if (incoming.generation() > local.generation()) {
                restart(ep, local, incoming, direct, nowNanos, wallMillis, events);
            } else if (incoming.generation() == local.generation()) {
                applyNewer(ep, local, incoming, direct, nowNanos, events);
            } else {
                log.trace("Ignoring state of {} from old generation {} (current {})", ep, incoming.generation(),
                        local.generation());
            }
        }
    }

    private void join(Endpoint ep, EndpointState incoming, boolean direct, long nowNanos, long wallMillis,
                      Notifications events) {
        if (implausible(ep, incoming.generation(), wallMillis / 1000)) {
            return;
        }
        Optional<StatusValue> status = incoming.status();
        if (status.isPresent() && status.get().status() == NodeStatus.LEFT && status.get().hasExpiry()
                && wallMillis >= status.get().expireAtMillis()) {
            log.debug("Not adding {}: it left and its expiry has passed", ep);
            return;
        }
        membership.departed().forget(ep); // a departed endpoint rejoining as a new incarnation
        membership.add(ep, incoming, nowNanos);
        failureDetector.report(ep, nowNanos);
        events.join(ep, incoming);
        if (direct && !incoming.isDeadState()) {
            membership.markAlive(ep, events);
        }
    }

    private void restart(Endpoint ep, EndpointState local, EndpointState incoming, boolean direct, long nowNanos,
                         long wallMillis, Notifications events) {
        if (implausible(ep, incoming.generation(), Math.max(local.generation(), wallMillis / 1000))) {
            return;
        }
        log.info("{} restarted (generation {} -> {})", ep, local.generation(), incoming.generation());
        membership.markDead(ep, "restarted", events);
        membership.update(ep, incoming, nowNanos);
        failureDetector.report(ep, nowNanos);
        events.restart(ep, incoming);
        if (direct && !incoming.isDeadState()) {
            membership.markAlive(ep, events);
        }
    }

    /**
     * A generation far beyond both what we know and our own clock is corruption, not a restart;
     * accepting it would shadow every real restart of that endpoint for as long.
     */
    private boolean implausible(Endpoint ep, long generation, long reference) {
        // Subtraction, not addition: both are non-negative, so this cannot overflow.
        if (generation - reference > maxGenerationSkewSeconds) {
            log.warn("Ignoring state of {}: generation {} is more than {} s ahead of {}", ep, generation,
                    maxGenerationSkewSeconds, reference);
            return true;
        }
        return false;
    }

    private void applyNewer(Endpoint ep, EndpointState local, EndpointState incoming, boolean direct,
                            long nowNanos, Notifications events) {
        boolean beat = incoming.heartbeat().version() > local.heartbeat().version();
        List<ApplicationState> changed = new ArrayList<>();
        for (Map.Entry<ApplicationState, VersionedValue> v : incoming.states().entrySet()) {
            VersionedValue mine = local.get(v.getKey());
            if (mine == null || v.getValue().version() > mine.version()) {
                changed.add(v.getKey());
            }
        }
        if (!beat && changed.isEmpty()) {
            return;
        }
        // STATUS last, so a status listener can read the tokens/dc/rack that came with it.
        if (changed.remove(ApplicationState.STATUS)) {
            changed.add(ApplicationState.STATUS);
        }
        EndpointState updated = beat ? local.withHeartbeat(incoming.heartbeat()) : local;
        for (ApplicationState key : changed) {
            updated = updated.with(key, incoming.get(key));
        }
        membership.update(ep, updated, nowNanos);
        if (beat) {
            failureDetector.report(ep, nowNanos);
        }
        for (ApplicationState key : changed) {
            events.change(ep, key, updated.get(key));
        }
        if (updated.isDeadState()) {
            membership.markDead(ep, updated.get(ApplicationState.STATUS).value(), events);
        } else if (beat || direct) {
            membership.markAlive(ep, events);
        }
    }
}
