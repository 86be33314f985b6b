package io.stratadb.storage.manifest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The set of live SSTables per table, plus the next unused generation number. An SSTable file is live
 * if and only if the durable manifest lists it; anything else in the data directory is an orphan of a
 * crashed flush or compaction. Immutable: each change makes a new manifest.
 */
public final class Manifest {

    private final long nextGeneration;
    private final Map<String, List<SSTableEntry>> tables;

    public Manifest(long nextGeneration, Map<String, List<SSTableEntry>> tables) {
        this.nextGeneration = nextGeneration;
        TreeMap<String, List<SSTableEntry>> copy = new TreeMap<>();
        tables.forEach((name, entries) -> copy.put(name, List.copyOf(entries)));
        this.tables = Collections.unmodifiableMap(copy);
    }

    public static Manifest empty() {
        return new Manifest(1, Map.of());
    }

    public long nextGeneration() {
        return nextGeneration;
    }

    public Set<String> tables() {
        return tables.keySet();
    }

    public List<SSTableEntry> sstables(String table) {
        return tables.getOrDefault(table, List.of());
    }

    public Map<String, List<SSTableEntry>> all() {
        return tables;
    }

    /** A manifest with {@code table} present (with no SSTables if new). */
    public Manifest withTable(String table) {
        if (tables.containsKey(table)) {
            return this;
        }
        Map<String, List<SSTableEntry>> next = new TreeMap<>(tables);
        next.put(table, List.of());
        return new Manifest(nextGeneration, next);
    }

    public Manifest withoutTable(String table) {
        Map<String, List<SSTableEntry>> next = new TreeMap<>(tables);
        next.remove(table);
        return new Manifest(nextGeneration, next);
    }

    /** Replaces {@code removed} by {@code added} in {@code table} (a flush removes nothing). */
    public Manifest withChange(String table, Collection<SSTableEntry> removed, Collection<SSTableEntry> added) {
        List<SSTableEntry> entries = new ArrayList<>(sstables(table));
        for (SSTableEntry r : removed) {
            if (!entries.remove(r)) {
                throw new IllegalStateException("sstable " + r + " is not live in table " + table);
            }
        }
        entries.addAll(added);
        long next = nextGeneration;
        for (SSTableEntry a : added) {
            next = Math.max(next, a.generation() + 1);
        }
        Map<String, List<SSTableEntry>> map = new TreeMap<>(tables);
        map.put(table, entries);
        return new Manifest(next, map);
    }

    /** Reserves a generation number. */
    public Manifest withNextGeneration(long next) {
        return new Manifest(Math.max(next, nextGeneration), tables);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest m && m.nextGeneration == nextGeneration && m.tables.equals(tables);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nextGeneration) * 31 + tables.hashCode();
    }

    @Override
    public String toString() {
        return "Manifest{next=" + nextGeneration + ", tables=" + tables + "}";
    }
}
