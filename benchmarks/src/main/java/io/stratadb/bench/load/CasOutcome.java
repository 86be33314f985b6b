package io.stratadb.bench.load;

/**
 * What a compare-and-set of a {@link KvTarget} answered: applied, or not with the value it was checked
 * against ({@code current}, {@code null} when the key had none).
 */
public record CasOutcome(boolean applied, byte[] current) {
    public static CasOutcome wasApplied() {
        return new CasOutcome(true, null);
    }

    public static CasOutcome notApplied(byte[] current) {
        return new CasOutcome(false, current);
    }
}
