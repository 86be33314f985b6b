package io.stratadb.node.testing.linearizability;

import io.stratadb.client.CasResult;
import io.stratadb.client.ReadResult;
import io.stratadb.client.RequestOptions;
import io.stratadb.client.StrataClient;
import io.stratadb.client.StrataClientBuilder;
import io.stratadb.client.exception.ContentionException;
import io.stratadb.client.exception.OverloadedException;
import io.stratadb.client.exception.UnavailableException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.routing.RoundRobinPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * The clients of the Jepsen-style tests, whatever runs the cluster (in-JVM nodes or real processes):
 * random compare-and-set, put-if-absent, delete-if, serial put and serial read operations on a few keys
 * through {@link StrataClient}, recorded in one {@link History}. Outcomes: an answer is certain; TIMEOUT and
 * a lost connection are unknown (it may or may not have happened); UNAVAILABLE, OVERLOADED and CONTENTION
 * certainly had no effect, which is what the protocol promises, so the operation is left out.
 * Thread-safe: clients share one workload.
 */
public final class SerialWorkload {

    private final String keyspace;
    private final String[] keys;
    private final Duration timeout;
    private final RequestOptions serialRead;
    private final History history = new History();
    private final Map<String, AtomicInteger> tally = new ConcurrentHashMap<>();

    public SerialWorkload(String keyspace, String[] keys, Duration timeout) {
        this.keyspace = keyspace;
        this.keys = keys.clone();
        this.timeout = timeout;
        this.serialRead = RequestOptions.defaults().withConsistency(ConsistencyLevel.SERIAL).withTimeout(timeout);
    }

    /**
     * A client for client number {@code id}; odd ones ignore the first-replica routing, so proposers on
     * different nodes compete.
     */
    public StrataClient client(int id, List<String> contactPoints) {
        StrataClientBuilder b = StrataClient.builder().contactPoints(contactPoints).defaultKeyspace(keyspace)
                .defaultConsistency(ConsistencyLevel.QUORUM).requestTimeout(timeout);
        if (id % 2 == 1) {
            b.loadBalancingPolicy(new RoundRobinPolicy());
        }
        return b.build();
    }

    /** Runs operations {@code n = 0, 1, ...} as client {@code "c" + id} while {@code more.test(n)}. */
    public void run(int id, StrataClient client, Random random, IntPredicate more) {
        String name = "c" + id;
        List<String> seen = new ArrayList<>(List.of("v"));
        for (int n = 0; more.test(n); n++) {
            String key = keys[random.nextInt(keys.length)];
            String value = name + "-" + n;
            String expected = seen.get(random.nextInt(seen.size()));
            OpKind kind = OpKind.values()[random.nextInt(OpKind.values().length)];
            int handle;
            synchronized (history) {
                handle = history.invoke(name, key, kind,
                        kind == OpKind.CAS || kind == OpKind.DELETE_IF ? expected : null,
                        kind == OpKind.SERIAL_READ || kind == OpKind.DELETE_IF ? null : value, System.nanoTime());
            }
            Outcome outcome;
            boolean noEffect = false;
            try {
                outcome = switch (kind) {
                    case CAS -> cas(client.compareAndSet(key, expected, value));
                    case PUT_IF_ABSENT -> cas(client.putIfAbsent(key, value));
                    case DELETE_IF -> cas(client.deleteIf(key, expected));
                    case SERIAL_PUT -> cas(client.serialPut(key, value));
                    case SERIAL_READ -> read(client.get(key, serialRead));
                };
                if (outcome.value() != null && seen.size() < 50) {
                    seen.add(outcome.value());
                }
                if (kind != OpKind.SERIAL_READ && kind != OpKind.DELETE_IF && seen.size() < 50) {
                    seen.add(value);
                }
                count(outcome.status().name());
            } catch (UnavailableException | OverloadedException | ContentionException e) {
                outcome = null;
                noEffect = true;
                count(e.getClass().getSimpleName());
            } catch (RuntimeException e) {
                outcome = Outcome.unknown(); // TIMEOUT, a lost connection: it may or may not have happened
                count("unknown:" + e.getClass().getSimpleName());
            }
            long at = System.nanoTime();
            synchronized (history) {
                if (noEffect) {
                    history.failed(handle);
                } else {
                    history.complete(handle, outcome, at);
                }
            }
        }
    }

    /** How many operations were invoked. */
    public int size() {
        synchronized (history) {
            return history.size();
        }
    }

    /** Outcome counts: APPLIED, NOT_APPLIED, READ, the no-effect exceptions and {@code unknown:<exception>}. */
    public Map<String, Integer> outcomes() {
        Map<String, Integer> out = new TreeMap<>();
        tally.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Checks the history recorded so far; call once the clients are done. */
    public LinearizabilityChecker.Result check() {
        synchronized (history) {
            return new LinearizabilityChecker().check(history);
        }
    }

    private void count(String what) {
        tally.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static Outcome cas(CasResult r) {
        return r.applied() ? Outcome.applied() : Outcome.notApplied(r.currentValue() == null ? null : r.currentValueAsString());
    }

    private static Outcome read(ReadResult r) {
        return Outcome.read(r.isPresent() ? new String(r.value()) : null);
    }
}
