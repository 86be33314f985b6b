package io.stratadb.node.paxos;

import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.paxos.message.AcceptResponse;
import io.stratadb.node.paxos.message.CommitAck;
import io.stratadb.node.paxos.message.PromiseResponse;
import io.stratadb.storage.Clock;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Drives one {@link PaxosProposer} with real messages and real time: sends what each step asks for,
 * feeds every answer back in, and arms the timer for the step's wake-up. The proposer is not thread-safe,
 * so every input goes through this object's lock; sending happens outside it.
 */
final class PaxosExecution {

    /** Sends one Paxos request to one replica and completes with its answer (or fails; the proposer times out). */
    interface Transport {
        CompletableFuture<Object> send(String replica, Object request);
    }

    private final PaxosProposer proposer;
    private final Transport transport;
    private final RequestTimer timer;
    private final Clock clock;
    private final CompletableFuture<PaxosOutcome> outcome = new CompletableFuture<>();
    private long armedFor = ProposerStep.NO_WAKE;

    PaxosExecution(PaxosProposer proposer, Transport transport, RequestTimer timer, Clock clock) {
        this.proposer = proposer;
        this.transport = transport;
        this.timer = timer;
        this.clock = clock;
    }

    CompletableFuture<PaxosOutcome> start() {
        feed(p -> p.start(clock.nanoTime()));
        return outcome;
    }

    private void feed(Function<PaxosProposer, ProposerStep> input) {
        ProposerStep step;
        synchronized (this) {
            step = input.apply(proposer);
        }
        handle(step);
    }

    private void handle(ProposerStep step) {
        for (ProposerStep.Outbound out : step.messages()) {
            transport.send(out.replica(), out.message()).whenComplete((answer, failure) -> {
                if (failure == null) {
                    onAnswer(out.replica(), answer);
                }
            });
        }
        if (step.isDone()) {
            outcome.complete(step.outcome());
        } else if (step.wakeAtNanos() != ProposerStep.NO_WAKE) {
            arm(step.wakeAtNanos());
        }
    }

    private void onAnswer(String from, Object answer) {
        long now = clock.nanoTime();
        if (answer instanceof PromiseResponse r) {
            feed(p -> p.onPromise(from, r, now));
        } else if (answer instanceof AcceptResponse r) {
            feed(p -> p.onAcceptResponse(from, r, now));
        } else if (answer instanceof CommitAck r) {
            feed(p -> p.onCommitAck(from, r, now));
        }
    }

    /** One timer per distinct wake-up time; an early or stale wake-up is harmless to the proposer. */
    private void arm(long wakeAtNanos) {
        synchronized (this) {
            if (wakeAtNanos == armedFor || outcome.isDone()) {
                return;
            }
            armedFor = wakeAtNanos;
        }
        long delayMillis = Math.max(0, (wakeAtNanos - clock.nanoTime() + 999_999) / 1_000_000);
        timer.schedule(() -> {
            if (!outcome.isDone()) {
                feed(p -> p.onWake(clock.nanoTime()));
            }
        }, delayMillis);
    }
}
