package io.stratadb.node.testing.linearizability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {

    private final LinearizabilityChecker checker = new LinearizabilityChecker();
    private final History h = new History();

    private void op(String client, OpKind kind, String expected, String value, long from, long to, Outcome outcome) {
        int id = h.invoke(client, "k", kind, expected, value, from);
        if (to == Long.MAX_VALUE) {
            h.unknown(id);
        } else {
            h.complete(id, outcome, to);
        }
    }

    private void assertLinearizable() {
        LinearizabilityChecker.Result r = checker.check(h);
        assertTrue(r.ok(), r.violation());
    }

    private void assertViolation() {
        LinearizabilityChecker.Result r = checker.check(h);
        assertFalse(r.ok(), "expected a violation");
        System.out.println(r.violation());
    }

    @Test
    void aSequentialHistoryIsLinearizable() {
        op("a", OpKind.PUT_IF_ABSENT, null, "1", 0, 1, Outcome.applied());
        op("a", OpKind.CAS, "1", "2", 2, 3, Outcome.applied());
        op("b", OpKind.CAS, "1", "3", 4, 5, Outcome.notApplied("2"));
        op("b", OpKind.SERIAL_READ, null, null, 6, 7, Outcome.read("2"));
        op("a", OpKind.DELETE_IF, "2", null, 8, 9, Outcome.applied());
        op("a", OpKind.SERIAL_READ, null, null, 10, 11, Outcome.read(null));
        op("b", OpKind.SERIAL_PUT, null, "4", 12, 13, Outcome.applied());
        op("b", OpKind.DELETE_IF, "5", null, 14, 15, Outcome.notApplied("4"));
        assertLinearizable();
    }

    @Test
    void concurrentOperationsMayTakeEffectInEitherOrder() {
        op("a", OpKind.SERIAL_PUT, null, "1", 0, 10, Outcome.applied());
        op("b", OpKind.SERIAL_READ, null, null, 1, 2, Outcome.read("1"));   // the put took effect early
        op("c", OpKind.SERIAL_READ, null, null, 1, 3, Outcome.read(null));  // c read before it: overlaps too
        assertLinearizable();
    }

    @Test
    void aStaleReadAfterACompletedWriteIsAViolation() {
        op("a", OpKind.SERIAL_PUT, null, "1", 0, 1, Outcome.applied());
        op("a", OpKind.SERIAL_PUT, null, "2", 2, 3, Outcome.applied());
        op("b", OpKind.SERIAL_READ, null, null, 4, 5, Outcome.read("1"));
        assertViolation();
    }

    @Test
    void twoConcurrentPutIfAbsentBothAppliedIsAViolation() {
        op("a", OpKind.PUT_IF_ABSENT, null, "1", 0, 10, Outcome.applied());
        op("b", OpKind.PUT_IF_ABSENT, null, "2", 0, 10, Outcome.applied());
        assertViolation();
    }

    @Test
    void aCasAppliedAgainstAValueThatWasNeverCurrentIsAViolation() {
        op("a", OpKind.PUT_IF_ABSENT, null, "1", 0, 1, Outcome.applied());
        op("b", OpKind.CAS, "7", "2", 2, 3, Outcome.applied());
        assertViolation();
    }

    @Test
    void aCasAgainstAValueCurrentOnlyBeforeItWasInvokedIsAViolation() {
        op("a", OpKind.SERIAL_PUT, null, "1", 0, 1, Outcome.applied());
        op("a", OpKind.SERIAL_PUT, null, "2", 2, 3, Outcome.applied());
        op("b", OpKind.CAS, "1", "3", 4, 5, Outcome.applied());
        assertViolation();
    }

    @Test
    void aNotAppliedAnswerMustReportAValueThatWasCurrent() {
        op("a", OpKind.SERIAL_PUT, null, "1", 0, 1, Outcome.applied());
        op("b", OpKind.CAS, "5", "3", 2, 3, Outcome.notApplied("9"));
        assertViolation();
    }

    @Test
    void aTimedOutWriteMayHaveTakenEffectAtAnyLaterTime() {
        op("a", OpKind.PUT_IF_ABSENT, null, "1", 0, Long.MAX_VALUE, null);
        op("b", OpKind.SERIAL_READ, null, null, 5, 6, Outcome.read(null));
        op("b", OpKind.SERIAL_READ, null, null, 7, 8, Outcome.read("1"));
        op("b", OpKind.SERIAL_READ, null, null, 9, 10, Outcome.read("1"));
        assertLinearizable();
    }

    @Test
    void aTimedOutWriteMayAlsoNeverTakeEffect() {
        op("a", OpKind.SERIAL_PUT, null, "1", 0, Long.MAX_VALUE, null);
        op("b", OpKind.SERIAL_READ, null, null, 5, 6, Outcome.read(null));
        op("b", OpKind.PUT_IF_ABSENT, null, "2", 7, 8, Outcome.applied());
        assertLinearizable();
    }

    @Test
    void aTimedOutWriteCannotTakeEffectTwice() {
        op("a", OpKind.SERIAL_PUT, null, "1", 0, Long.MAX_VALUE, null);
        op("b", OpKind.SERIAL_READ, null, null, 5, 6, Outcome.read("1"));
        op("b", OpKind.SERIAL_PUT, null, "2", 7, 8, Outcome.applied());
        op("b", OpKind.SERIAL_READ, null, null, 9, 10, Outcome.read("1"));
        assertViolation();
    }

    @Test
    void aValueNobodyWroteIsAViolation() {
        op("a", OpKind.SERIAL_PUT, null, "1", 0, Long.MAX_VALUE, null);
        op("b", OpKind.SERIAL_READ, null, null, 5, 6, Outcome.read("2"));
        assertViolation();
    }

    @Test
    void aFailedOperationIsLeftOutSoItsValueMustNotAppear() {
        int id = h.invoke("a", "k", OpKind.SERIAL_PUT, null, "1", 0);
        h.failed(id);
        op("b", OpKind.SERIAL_READ, null, null, 5, 6, Outcome.read("1"));
        assertViolation();
    }

    @Test
    void theExplanationStopsWhereTheHistoryBecameImpossible() {
        op("a", OpKind.SERIAL_PUT, null, "1", 0, 1, Outcome.applied());
        op("b", OpKind.SERIAL_PUT, null, "2", 0, 30, Outcome.applied()); // still unanswered at 3
        op("a", OpKind.SERIAL_READ, null, null, 2, 3, Outcome.read("9")); // nobody wrote 9: impossible at 3
        for (int i = 0; i < 20; i++) {
            op("c", OpKind.SERIAL_PUT, null, "later" + i, 40 + 2 * i, 41 + 2 * i, Outcome.applied());
        }
        LinearizabilityChecker.Result r = checker.check(h);
        assertFalse(r.ok());
        assertTrue(r.violation().contains("already impossible at time 3"), r.violation());
        assertTrue(r.violation().contains("SERIAL_PUT k '2': UNKNOWN"), "unanswered then: " + r.violation());
        assertFalse(r.violation().contains("later"), "operations after the violation are left out: " + r.violation());
        System.out.println(r.violation());
    }

    @Test
    void keysAreIndependentRegisters() {
        int a = h.invoke("a", "x", OpKind.SERIAL_PUT, null, "1", 0);
        h.complete(a, Outcome.applied(), 1);
        int b = h.invoke("b", "y", OpKind.SERIAL_READ, null, null, 2);
        h.complete(b, Outcome.read(null), 3);
        assertLinearizable();
    }

    /**
     * Histories made by running operations one at a time against the model, then widening every interval
     * at random around its instant of effect (so many overlap), must always be found linearizable.
     */
    @Test
    void randomHistoriesWithAKnownLinearizationPass() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("LinearizabilityCheckerTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            History history = new History();
            RegisterModel model = new RegisterModel();
            String state = null;
            List<String> written = new ArrayList<>();
            int n = 5 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                OpKind kind = OpKind.values()[random.nextInt(OpKind.values().length)];
                String expected = null;
                String value = null;
                if (kind == OpKind.CAS || kind == OpKind.DELETE_IF) {
                    expected = written.isEmpty() || random.nextInt(4) == 0 ? "none" : written.get(random.nextInt(written.size()));
                }
                if (kind == OpKind.CAS || kind == OpKind.PUT_IF_ABSENT || kind == OpKind.SERIAL_PUT) {
                    value = "v" + i;
                    written.add(value);
                }
                long at = 100L * i;
                long from = at - random.nextInt(400);
                long to = at + random.nextInt(400);
                String after = model.apply(state, new Op(0, "c", "k", kind, expected, value, 0, 0, Outcome.unknown()));
                Outcome outcome;
                if (random.nextInt(10) == 0 && kind != OpKind.SERIAL_READ) {
                    outcome = Outcome.unknown();
                } else if (kind == OpKind.SERIAL_READ) {
                    outcome = Outcome.read(state);
                } else if (model.accepts(state, new Op(0, "c", "k", kind, expected, value, 0, 0, Outcome.applied()))) {
                    outcome = Outcome.applied();
                } else {
                    outcome = Outcome.notApplied(state);
                }
                int id = history.invoke("c" + random.nextInt(3), "k", kind, expected, value, from);
                history.complete(id, outcome, outcome.status() == Outcome.Status.UNKNOWN ? Long.MAX_VALUE : to);
                state = after;
            }
            LinearizabilityChecker.Result r = checker.check(history);
            assertTrue(r.ok(), "seed " + seed + " round " + round + ": " + r.violation());
        }
    }
}
