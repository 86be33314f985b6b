/**
 * Hinted handoff: mutations for a replica that was down or timed out, kept on local disk per target
 * node ({@link io.stratadb.node.hints.HintStore}) and replayed oldest first when it comes back
 * ({@link io.stratadb.node.hints.HintReplay}). The file format is in {@code docs/hints.md}; the codec
 * classes here ({@link io.stratadb.node.hints.HintCodec}, {@link io.stratadb.node.hints.HintFileHeader},
 * {@link io.stratadb.node.hints.HintFileWriter}, {@link io.stratadb.node.hints.HintFileReader}) follow it.
 */
package io.stratadb.node.hints;
