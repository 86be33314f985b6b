package io.stratadb.client;

/**
 * Seeds for randomized tests: {@code -Dseed=N} replays a run; otherwise a fresh seed is drawn and printed
 * (the surefire report of the test class shows it), and tests put it in their failure messages.
 */
public final class TestSeeds {
    private TestSeeds() {
    }

    public static long seed(String test) {
        String fixed = System.getProperty("seed");
        long seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : System.nanoTime();
        System.out.println(test + ": seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        return seed;
    }
}
