package io.stratadb.node.messaging;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.gossip.messages.GossipDigest;
import io.stratadb.gossip.messages.GossipDigestSyn;
import io.stratadb.gossip.messages.GossipMessage;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.concurrent.NodeThreadFactory;
import io.stratadb.node.concurrent.WheelRequestTimer;
import io.stratadb.node.messaging.payload.OpaquePayload;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GossipMessagingBridgeTest {

    @Test
    void gossipCrossesTheNetworkAndGarbageIsDropped() {
        InMemoryMessagingNetwork network = InMemoryMessagingNetwork.manual();
        try (WheelRequestTimer timer = new WheelRequestTimer(new NodeThreadFactory("test", "timer"))) {
            AbstractMessagingService a = network.newService(Endpoint.of("10.0.0.1", 9471), new MetricRegistry(), Runnable::run, timer);
            AbstractMessagingService b = network.newService(Endpoint.of("10.0.0.2", 9471), new MetricRegistry(), Runnable::run, timer);
            a.start();
            b.start();
            List<GossipMessage> received = new ArrayList<>();
            new GossipMessagingBridge(b).registerHandlers((from, m) -> {
                assertEquals(a.localEndpoint(), from);
                received.add(m);
            });
            GossipDigestSyn syn = new GossipDigestSyn("test-cluster",
                    List.of(new GossipDigest(a.localEndpoint(), 17, 3)));
            new GossipMessagingBridge(a).send(b.localEndpoint(), syn);
            a.send(b.localEndpoint(), Message.of(Verb.GOSSIP_ACK, new OpaquePayload(new byte[] {1, 2, 3})));
            assertEquals(2, network.deliverAll());
            assertEquals(List.of(syn), received);
            a.close();
            b.close();
        }
    }
}
