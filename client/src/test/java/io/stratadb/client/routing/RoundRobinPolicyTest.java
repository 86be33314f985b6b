package io.stratadb.client.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinPolicyTest {
    private static Node node(int port) {
        return new Node(new InetSocketAddress("127.0.0.1", port));
    }

    private static List<Node> plan(LoadBalancingPolicy policy) {
        List<Node> out = new ArrayList<>();
        policy.queryPlan(RoutingInfo.none()).forEachRemaining(out::add);
        return out;
    }

    @Test
    void eachPlanStartsOneNodeFurtherAndCoversAllNodes() {
        RoundRobinPolicy policy = new RoundRobinPolicy();
        Node a = node(1);
        Node b = node(2);
        Node c = node(3);
        policy.init(List.of(a, b, c));
        assertEquals(List.of(a, b, c), plan(policy));
        assertEquals(List.of(b, c, a), plan(policy));
        assertEquals(List.of(c, a, b), plan(policy));
        assertEquals(List.of(a, b, c), plan(policy));
    }

    @Test
    void anEmptyPolicyGivesEmptyPlans() {
        Iterator<Node> plan = new RoundRobinPolicy().queryPlan(RoutingInfo.none());
        assertFalse(plan.hasNext());
    }
}
