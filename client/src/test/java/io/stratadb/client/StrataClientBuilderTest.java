package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stratadb.client.retry.DefaultRetryPolicy;
import io.stratadb.client.routing.RoundRobinPolicy;
import io.stratadb.client.routing.TokenAwarePolicy;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StrataClientBuilderTest {
    @Test
    void contactPointsTakeHostPortOrJustHost() {
        assertEquals(new InetSocketAddress("127.0.0.1", 9000), StrataClientBuilder.parseAddress("127.0.0.1:9000"));
        assertEquals(new InetSocketAddress("127.0.0.1", StrataClientBuilder.DEFAULT_PORT),
                StrataClientBuilder.parseAddress(" 127.0.0.1 "));
        assertEquals(new InetSocketAddress("::1", 9001), StrataClientBuilder.parseAddress("[::1]:9001"));
        assertEquals(new InetSocketAddress("::1", StrataClientBuilder.DEFAULT_PORT),
                StrataClientBuilder.parseAddress("::1"));
        assertEquals(new InetSocketAddress("localhost", 9002), StrataClientBuilder.parseAddress("localhost:9002"));
    }

    @Test
    void badContactPointsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> StrataClientBuilder.parseAddress("host:0"));
        assertThrows(IllegalArgumentException.class, () -> StrataClientBuilder.parseAddress("host:70000"));
        assertThrows(IllegalArgumentException.class, () -> StrataClientBuilder.parseAddress("host:abc"));
        assertThrows(IllegalArgumentException.class, () -> StrataClientBuilder.parseAddress(":9000"));
        assertThrows(IllegalArgumentException.class, () -> StrataClientBuilder.parseAddress("[::1"));
        assertThrows(IllegalArgumentException.class, () -> StrataClientBuilder.parseAddress("no-such-host.invalid"));
    }

    @Test
    void settingsAreCheckedWhenSet() {
        StrataClientBuilder b = StrataClient.builder();
        assertThrows(IllegalArgumentException.class, () -> b.connectionsPerHost(0));
        assertThrows(IllegalArgumentException.class, () -> b.maxRequestsPerConnection(0));
        assertThrows(IllegalArgumentException.class, () -> b.maxRequestsPerConnection(40_000));
        assertThrows(IllegalArgumentException.class, () -> b.requestTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> b.reconnectionDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> b.topologyRefreshInterval(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> b.retryPolicy(null));
        assertThrows(NullPointerException.class, () -> b.localDatacenter(null));
        assertThrows(IllegalStateException.class, b::build, "no contact points");
    }

    @Test
    void theDefaultsAreTokenAwareRoutingAndTheDefaultRetryPolicy() {
        StrataClientBuilder b = StrataClient.builder();
        assertInstanceOf(TokenAwarePolicy.class, b.loadBalancingPolicy());
        assertInstanceOf(DefaultRetryPolicy.class, b.retryPolicy());
        assertEquals(StrataClientBuilder.DEFAULT_TOPOLOGY_REFRESH_INTERVAL, b.topologyRefreshInterval());
        assertEquals(StrataClientBuilder.MIN_TOPOLOGY_FETCH_INTERVAL, b.minTopologyFetchInterval());
        b.topologyRefreshInterval(Duration.ofMillis(200));
        assertEquals(Duration.ofMillis(200), b.minTopologyFetchInterval(), "never longer than the interval");
        RoundRobinPolicy mine = new RoundRobinPolicy();
        assertSame(mine, b.localDatacenter("dc2").loadBalancingPolicy(mine).loadBalancingPolicy());
    }

    @Test
    void optionsAreImmutable() {
        RequestOptions base = RequestOptions.defaults();
        RequestOptions changed = base.withTimeout(Duration.ofSeconds(1));
        assertEquals(null, base.timeout());
        assertEquals(Duration.ofSeconds(1), changed.timeout());
        WriteOptions w = WriteOptions.defaults().withTtl(Duration.ofMinutes(1));
        assertEquals(60, w.ttlSeconds().getAsInt());
        assertThrows(IllegalArgumentException.class, () -> WriteOptions.defaults().withTtl(Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> WriteOptions.defaults().withTtlSeconds(0));
    }
}
