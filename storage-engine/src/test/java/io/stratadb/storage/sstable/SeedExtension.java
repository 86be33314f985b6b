package io.stratadb.storage.sstable;

import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives a test a {@link Random} whose seed is printed and, if the test fails, added to the failure
 * message. Rerun a failure exactly with {@code -Dseed=N}.
 */
final class SeedExtension implements ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SeedExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Random.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Long fixed = Long.getLong("seed");
        long seed = fixed != null ? fixed : new Random().nextLong();
        c.getStore(NS).put("seed", seed);
        System.out.println(c.getDisplayName() + ": seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        return new Random(seed);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext c, Throwable t) throws Throwable {
        Long seed = c.getStore(NS).get("seed", Long.class);
        if (seed == null) {
            throw t;
        }
        AssertionError e = new AssertionError("[seed=" + seed + ", rerun with -Dseed=" + seed + "] " + t, t);
        throw e;
    }
}
