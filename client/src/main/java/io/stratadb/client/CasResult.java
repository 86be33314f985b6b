package io.stratadb.client;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a serial write ({@code putIfAbsent}, {@code compareAndSet}, {@code deleteIf}, {@code
 * serialPut}): whether it was applied and, when it was not, the value its condition was checked against.
 * That value comes from the same Paxos round, so it is the key's current value at that point of the
 * key's serial history: a caller can retry with it as the new expected value without reading first.
 */
public final class CasResult {
    private static final CasResult APPLIED = new CasResult(null);

    /** {@code null} when applied. */
    private final ReadResult current;

    private CasResult(ReadResult current) {
        this.current = current;
    }

    static CasResult wasApplied() {
        return APPLIED;
    }

    static CasResult notApplied(ReadResult current) {
        return new CasResult(Objects.requireNonNull(current, "current"));
    }

    /** True if the write happened (a serial put always is). */
    public boolean applied() {
        return current == null;
    }

    /**
     * When not applied, what the key held: a {@link ReadResult} that may itself be absent (the key had no
     * value). Empty when applied.
     */
    public Optional<ReadResult> current() {
        return Optional.ofNullable(current);
    }

    /** A copy of the current value when not applied; {@code null} when applied or when the key had no value. */
    public byte[] currentValue() {
        return current == null ? null : current.value();
    }

    /** {@link #currentValue()} decoded as UTF-8; {@code null} when applied or when the key had no value. */
    public String currentValueAsString() {
        return current == null ? null : current.valueAsString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CasResult r && Objects.equals(r.current, current);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(current);
    }

    @Override
    public String toString() {
        return current == null ? "CasResult[applied]" : "CasResult[not applied, current " + current + "]";
    }
}
