package io.stratadb.gossip;

import io.stratadb.gossip.messages.GossipDigest;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out what each side of an exchange is missing, from digests alone. Pure: it reads the
 * membership table and changes nothing.
 */
final class ExchangePlanner {

    /** The content of an ACK: what we want from the SYN's sender, and what it is missing. */
    record AckPlan(List<GossipDigest> requests, Map<Endpoint, EndpointState> states) {
        boolean isEmpty() {
            return requests.isEmpty() && states.isEmpty();
        }
    }

    private ExchangePlanner() {
    }

    /**
     * Compares a SYN's digests with our table. Per endpoint: a higher remote generation means it
     * restarted and we want all of it; a lower one means the sender has a dead incarnation and gets
     * our whole state; within a generation the side with the higher max version gives the other
     * what lies above the other's max version. Endpoints the sender did not list at all are sent in
     * full: that is how a new node learns the whole cluster from its first exchange with a seed.
     * An endpoint we evicted after it left is never requested; a sender that still lists that
     * incarnation gets the LEFT state we kept, so it evicts the endpoint too.
     */
    static AckPlan planAck(List<GossipDigest> digests, Membership membership) {
        List<GossipDigest> requests = new ArrayList<>();
        Map<Endpoint, EndpointState> states = new LinkedHashMap<>();
        Set<Endpoint> mentioned = new HashSet<>();
        for (GossipDigest remote : digests) {
            Endpoint ep = remote.endpoint();
            mentioned.add(ep);
            EndpointState local = membership.get(ep);
            if (local == null) {
                EndpointState departed = membership.departed().covers(ep, remote.generation())
                        ? membership.departed().lastState(ep) : null;
                if (departed == null) {
                    requests.add(new GossipDigest(ep, remote.generation(), 0));
                } else if (remote.generation() < departed.generation()) {
                    states.put(ep, departed); // the sender missed that it left: tell it
                } else if (remote.maxVersion() < departed.maxVersion()) {
                    states.put(ep, departed.newerThan(remote.maxVersion()));
                }
            } else if (remote.generation() > local.generation()) {
                // For our own endpoint there is nothing to ask: we never take others' word for it.
                if (!ep.equals(membership.self())) {
                    requests.add(new GossipDigest(ep, remote.generation(), 0));
                }
            } else if (remote.generation() < local.generation()) {
                states.put(ep, local);
            } else if (remote.maxVersion() > local.maxVersion()) {
                requests.add(new GossipDigest(ep, remote.generation(), local.maxVersion()));
            } else if (remote.maxVersion() < local.maxVersion()) {
                states.put(ep, local.newerThan(remote.maxVersion()));
            }
        }
        for (Endpoint ep : membership.allEndpoints()) {
            if (!mentioned.contains(ep)) {
                states.put(ep, membership.get(ep));
            }
        }
        return new AckPlan(requests, states);
    }

    /** Answers an ACK's requests with what we have above each requested version. */
    static Map<Endpoint, EndpointState> answerRequests(List<GossipDigest> requests, Membership membership) {
        Map<Endpoint, EndpointState> states = new LinkedHashMap<>();
        for (GossipDigest request : requests) {
            EndpointState local = membership.get(request.endpoint());
            if (local == null) {
                continue;
            }
            if (local.generation() > request.generation()) {
                states.put(request.endpoint(), local);
            } else if (local.generation() == request.generation() && local.maxVersion() > request.maxVersion()) {
                states.put(request.endpoint(), local.newerThan(request.maxVersion()));
            }
        }
        return states;
    }
}
