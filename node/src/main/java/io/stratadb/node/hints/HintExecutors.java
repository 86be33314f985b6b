package io.stratadb.node.hints;

import java.util.concurrent.Executor;

/**
 * Where a {@link HintStore} does its blocking work, injected so the node decides the threads (from its
 * {@code NodeThreadFactory}) and tests can run everything inline or step by step.
 *
 * @param flush runs group syncs; a single thread is enough, as stores arriving during one sync are
 *     batched into the next
 * @param replay runs replays; each replay occupies one thread for its duration (it blocks on the
 *     throttle and on acknowledgements)
 * @param pacer how replay waits for the throttle
 */
public record HintExecutors(Executor flush, Executor replay, Pacer pacer) {
}
