package io.stratadb.client.routing;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactPointsOnlyPolicyTest {

    @Test
    void plansOnlyTheContactPointsWhateverTheTopologySays() {
        Node a = new Node(new InetSocketAddress("127.0.0.2", 9470));
        Node b = new Node(new InetSocketAddress("127.0.0.3", 9470));
        ContactPointsOnlyPolicy policy = new ContactPointsOnlyPolicy();
        policy.init(List.of(a));
        policy.init(List.of(a, b)); // what the default onClusterChange would pass: ignored
        List<Node> plan = new ArrayList<>();
        policy.queryPlan(RoutingInfo.none()).forEachRemaining(plan::add);
        assertEquals(List.of(a), plan);
    }
}
