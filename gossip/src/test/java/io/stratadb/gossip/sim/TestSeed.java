package io.stratadb.gossip.sim;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed of a randomized test: {@code -Dseed=N} if given, otherwise a fresh one. It is printed
 * (surefire keeps it in {@code target/surefire-reports/*-output.txt}) and the cluster puts it in
 * every failure message, so any failure replays with {@code mvn -o -pl gossip verify -Dseed=N}.
 */
public final class TestSeed {

    private TestSeed() {
    }

    public static long pick(String testName) {
        String property = System.getProperty("seed");
        long seed = property != null && !property.isBlank()
                ? Long.parseLong(property.trim())
                : ThreadLocalRandom.current().nextLong();
        System.out.println("[" + testName + "] seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        return seed;
    }
}
