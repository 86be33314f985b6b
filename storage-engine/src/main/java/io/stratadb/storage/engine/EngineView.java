package io.stratadb.storage.engine;

import io.stratadb.storage.memtable.MemtableGeneration;
import io.stratadb.storage.sstable.SSTableReader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable snapshot of everything a read consults: the current memtable generation, the ones
 * being flushed (newest first), and each table's live SSTables. Readers take the current view and
 * never see a half-applied flush or compaction; writers of the view replace it whole.
 */
final class EngineView {

    /** Newest data first, so a get can stop at the first SSTable too old to matter. */
    static final Comparator<SSTableReader> BY_MAX_TIMESTAMP_DESC =
            Comparator.comparingLong((SSTableReader r) -> r.stats().maxTimestamp()).reversed();

    final MemtableGeneration current;
    final List<MemtableGeneration> flushing;
    private final Map<String, List<SSTableReader>> sstables;

    EngineView(MemtableGeneration current, List<MemtableGeneration> flushing, Map<String, List<SSTableReader>> sstables) {
        this.current = current;
        this.flushing = List.copyOf(flushing);
        Map<String, List<SSTableReader>> copy = new HashMap<>();
        sstables.forEach((table, readers) -> {
            List<SSTableReader> sorted = new ArrayList<>(readers);
            sorted.sort(BY_MAX_TIMESTAMP_DESC);
            copy.put(table, List.copyOf(sorted));
        });
        this.sstables = Map.copyOf(copy);
    }

    List<SSTableReader> sstables(String table) {
        return sstables.getOrDefault(table, List.of());
    }

    Map<String, List<SSTableReader>> allSSTables() {
        return sstables;
    }

    /** Every memtable generation, newest first. */
    List<MemtableGeneration> memtables() {
        List<MemtableGeneration> all = new ArrayList<>(flushing.size() + 1);
        all.add(current);
        all.addAll(flushing);
        return all;
    }

    Set<String> tables() {
        Set<String> names = new TreeSet<>(sstables.keySet());
        for (MemtableGeneration g : memtables()) {
            names.addAll(g.memtables().keySet());
        }
        return names;
    }

    EngineView withNewCurrent(MemtableGeneration next) {
        List<MemtableGeneration> f = new ArrayList<>(flushing.size() + 1);
        f.add(current);
        f.addAll(flushing);
        return new EngineView(next, f, sstables);
    }

    /** {@code flushed} leaves the flushing list and its SSTables join the live set, in one step. */
    EngineView withFlushed(MemtableGeneration flushed, Map<String, SSTableReader> added) {
        List<MemtableGeneration> f = new ArrayList<>(flushing);
        f.remove(flushed);
        Map<String, List<SSTableReader>> s = new HashMap<>(sstables);
        added.forEach((table, reader) -> {
            List<SSTableReader> l = new ArrayList<>(s.getOrDefault(table, List.of()));
            l.add(reader);
            s.put(table, l);
        });
        return new EngineView(current, f, s);
    }

    EngineView withReplaced(String table, Collection<SSTableReader> removed, Collection<SSTableReader> added) {
        Map<String, List<SSTableReader>> s = new HashMap<>(sstables);
        List<SSTableReader> l = new ArrayList<>(s.getOrDefault(table, List.of()));
        l.removeAll(removed);
        l.addAll(added);
        s.put(table, l);
        return new EngineView(current, flushing, s);
    }

    EngineView withoutSSTables() {
        return new EngineView(current, flushing, Map.of());
    }

    EngineView withoutTable(String table) {
        Map<String, List<SSTableReader>> s = new HashMap<>(sstables);
        s.remove(table);
        return new EngineView(current, flushing, s);
    }
}
