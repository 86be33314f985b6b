package io.stratadb.storage.commitlog;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import java.util.Random;

/** Mutations of every cell kind with random sizes, reproducible from a seed. */
final class RandomMutations {

    private static final String[] TABLES = {"users", "events", "t", "tâble_ünïcode", "表格"};

    private final Random random;
    private final int maxValueSize;

    RandomMutations(long seed, int maxValueSize) {
        this.random = new Random(seed);
        this.maxValueSize = maxValueSize;
    }

    Mutation next() {
        String table = TABLES[random.nextInt(TABLES.length)];
        byte[] key = bytes(random.nextInt(4) == 0 ? random.nextInt(512) : 1 + random.nextInt(24));
        long timestamp = random.nextLong();
        int ldt = random.nextInt();
        Cell cell;
        switch (random.nextInt(3)) {
            case 0:
                cell = Cell.value(bytes(valueSize()), timestamp);
                break;
            case 1:
                cell = Cell.expiring(bytes(valueSize()), timestamp, ldt);
                break;
            default:
                cell = Cell.tombstone(timestamp, ldt);
                break;
        }
        return new Mutation(table, key, cell);
    }

    private int valueSize() {
        int r = random.nextInt(20);
        if (r == 0) {
            return 0;
        }
        if (r == 1) {
            return maxValueSize;
        }
        return random.nextInt(r < 10 ? 64 : maxValueSize);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
