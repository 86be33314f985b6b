package io.stratadb.node.hints;

import io.stratadb.storage.Mutation;

import java.util.Objects;

/**
 * A mutation kept for a replica that did not take it, and when the coordinator kept it. The mutation
 * keeps its original cell timestamp, so delivering a hint twice, or after a newer write, is harmless:
 * replaying is idempotent under last-write-wins.
 *
 * @param createdAtMillis wall-clock time the hint was created (epoch millis); expiry is measured from it
 * @param mutation the write to deliver
 */
public record Hint(long createdAtMillis, Mutation mutation) {

    public Hint {
        Objects.requireNonNull(mutation, "mutation");
    }
}
