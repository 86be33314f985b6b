package io.stratadb.node.paxos;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stratadb.node.testing.linearizability.LinearizabilityChecker;
import org.junit.jupiter.api.Test;

/**
 * Randomized, deterministic runs of the Paxos rules under message loss, delay, duplication, reordering and
 * acceptor crashes, each history checked for linearizability. A failure prints its seed; rerun exactly
 * with {@code -Dseed=N} (and {@code -Dpaxos.sim.runs=1} for just that run).
 */
class PaxosSimulationTest {

    private final LinearizabilityChecker checker = new LinearizabilityChecker();

    @Test
    void serialOperationsStayLinearizableUnderFaults() {
        long base = Long.getLong("seed", System.nanoTime());
        int runs = Integer.getInteger("paxos.sim.runs", 100);
        System.out.println("PaxosSimulationTest seed " + base + " (rerun with -Dseed=" + base + ")");
        int applied = 0;
        int certain = 0;
        int total = 0;
        for (int i = 0; i < runs; i++) {
            long seed = base + i;
            PaxosSimulation.Settings settings = settingsFor(seed);
            PaxosSimulation sim = new PaxosSimulation(seed, settings, InMemoryPaxosStateStore::new).run();
            LinearizabilityChecker.Result r = checker.check(sim.history());
            if (!r.ok()) {
                fail("seed " + seed + " (rerun with -Dseed=" + seed + " -Dpaxos.sim.runs=1), " + settings + ": "
                        + r.violation());
            }
            PaxosSimulation.Stats s = sim.stats();
            applied += s.applied();
            certain += s.applied() + s.notApplied() + s.reads();
            total += s.applied() + s.notApplied() + s.reads() + s.unknown() + s.failed() + s.abandoned();
        }
        System.out.printf("PaxosSimulationTest: %d runs, %d operations, %d with a certain answer, %d applied%n",
                runs, total, certain, applied);
        // A protocol that answered nothing would pass the checker trivially.
        assertTrue(certain > total / 2, certain + " certain answers of " + total);
        assertTrue(applied > total / 10, applied + " applied of " + total);
    }

    /**
     * The test can fail: acceptors whose state does not survive a crash (as if promises were answered
     * before being synced) let two values be chosen, and the checker sees it.
     */
    @Test
    void acceptorsThatForgetOnCrashAreCaught() {
        // Short histories: proving a history is NOT linearizable means exhausting the search, which grows
        // fast with its length. The first violation is enough.
        long caughtAt = -1;
        for (long seed = 1; seed <= 60 && caughtAt < 0; seed++) {
            PaxosSimulation.Settings settings = new PaxosSimulation.Settings(3, 4, 12, 1, 0.05, 0.0, true, 0);
            PaxosSimulation sim = new PaxosSimulation(seed, settings, ForgetfulStore::new).run();
            if (!checker.check(sim.history()).ok()) {
                caughtAt = seed;
            }
        }
        System.out.println("PaxosSimulationTest: forgetful acceptors caught with seed " + caughtAt);
        assertTrue(caughtAt > 0, "no run caught acceptors that lose their promises in a crash");
    }

    /** Loses everything in a crash: what an acceptor that answers before syncing amounts to. */
    private static final class ForgetfulStore implements PaxosStateStore, PaxosSimulation.CrashAware {
        private InMemoryPaxosStateStore states = new InMemoryPaxosStateStore();

        @Override
        public PaxosState load(String table, byte[] key) {
            return states.load(table, key);
        }

        @Override
        public void save(String table, byte[] key, PaxosState state) {
            states.save(table, key, state);
        }

        @Override
        public void crashed() {
            states = new InMemoryPaxosStateStore();
        }
    }

    private static PaxosSimulation.Settings settingsFor(long seed) {
        java.util.Random r = new java.util.Random(seed ^ 0x5DEECE66DL);
        return new PaxosSimulation.Settings(r.nextInt(4) == 0 ? 5 : 3, 2 + r.nextInt(4), 15 + r.nextInt(30), 1 + r.nextInt(3),
                r.nextInt(3) * 0.05, r.nextInt(2) * 0.03, r.nextInt(4) > 0, r.nextInt(3) == 0 ? 2 : 0);
    }
}
