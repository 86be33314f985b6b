package io.stratadb.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stratadb.gossip.fd.FailureDetectorSettings;
import io.stratadb.gossip.sim.RecordingListener.Kind;
import io.stratadb.gossip.sim.SimulatedCluster;
import io.stratadb.gossip.sim.SimulatedNode;
import io.stratadb.gossip.sim.TestSeed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A node frozen for 30 s (GC, suspended VM) heard no heartbeats during that time, through no fault
 * of its peers. At its next tick it must not convict them all.
 */
class LocalPauseTest {

    private static final Duration PAUSE = Duration.ofSeconds(30);

    @Test
    void aThirtySecondLocalPauseDoesNotMakeTheNodeConvictEveryone() {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("local-pause")).nodes(8).seeds(2)
                .build().startAll();
        SimulatedNode paused = pauseAndResumeJustBeforeItsTick(cluster);

        cluster.runFor(Duration.ofMillis(2)); // its first tick after the pause, before any fresh news
        assertEquals(0, paused.events().count(Kind.DEAD), cluster.describe());
        assertEquals(8, paused.gossiper().liveEndpoints().size(), cluster.describe());

        cluster.runUntil("everyone sees everyone again", cluster::converged, Duration.ofSeconds(10));
        cluster.runFor(Duration.ofSeconds(30));
        assertEquals(0, paused.events().count(Kind.DEAD), cluster.describe());
    }

    /** The control: with pause handling switched off, the same timeline convicts all seven peers. */
    @Test
    void withoutPauseHandlingTheSamePauseConvictsEveryone() {
        FailureDetectorSettings noPauseHandling = FailureDetectorSettings.defaults(Duration.ofSeconds(1))
                .withMaxLocalPause(Duration.ofDays(1));
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("local-pause-control")).nodes(8).seeds(2)
                .configureNode((i, b) -> i == 5 ? b.failureDetector(noPauseHandling) : b)
                .build().startAll();
        SimulatedNode paused = pauseAndResumeJustBeforeItsTick(cluster);

        cluster.runFor(Duration.ofMillis(2));
        assertEquals(7, paused.events().count(Kind.DEAD), cluster.describe());
    }

    /** Node 5 stops for 30 s and resumes 1 ms before its tick, so the tick comes before any message. */
    private static SimulatedNode pauseAndResumeJustBeforeItsTick(SimulatedCluster cluster) {
        cluster.runUntil("convergence", cluster::converged, Duration.ofSeconds(15));
        cluster.runFor(Duration.ofSeconds(60));
        SimulatedNode node = cluster.node(5);
        node.stop();
        cluster.runFor(PAUSE);
        long resumeAt = node.nextTickNanos() - Duration.ofMillis(1).toNanos();
        if (resumeAt < cluster.now()) {
            resumeAt += node.interval();
        }
        cluster.runFor(Duration.ofNanos(resumeAt - cluster.now()));
        node.resume();
        return node;
    }
}
