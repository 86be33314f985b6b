package io.stratadb.ycsb;

import io.stratadb.client.StrataClient;

import java.time.Duration;
import java.util.List;

/**
 * YCSB makes one {@code DB} object per client thread and gives them no shared context, so the binding
 * shares one {@link StrataClient} (and its connection pool) among them by reference counting. This is
 * the only static state in the project, forced by YCSB's lifecycle; it lives in this adapter only.
 */
final class SharedClient {

    private static StrataClient client;
    private static int users;

    private SharedClient() {
    }

    static synchronized StrataClient acquire(List<String> hosts, Duration timeout) {
        if (client == null) {
            client = StrataClient.builder().contactPoints(hosts).requestTimeout(timeout).build();
        }
        users++;
        return client;
    }

    static synchronized void release() {
        if (--users == 0) {
            client.close();
            client = null;
        }
    }
}
