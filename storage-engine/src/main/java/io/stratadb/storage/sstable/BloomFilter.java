package io.stratadb.storage.sstable;

import java.nio.ByteBuffer;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * A bloom filter over keys: {@code m} bits, {@code k} probes per key placed by double hashing
 * (Kirsch and Mitzenmacher: probe i is {@code (h1 + i * h2) mod m}) from the two 32-bit halves of one
 * XXHash64, so a probe costs an add and a compare, not another hash.
 */
final class BloomFilter {

    /**
     * The pure-Java XXHash: keys are short, and for short inputs the JNI call of the native one costs
     * more than the hash. Stateless and thread-safe, so one shared instance is a constant, not state.
     */
    private static final XXHash64 HASH = XXHashFactory.fastestJavaInstance().hash64();

    private final long[] words;
    private final long bitCount;
    private final int hashCount;

    private BloomFilter(long[] words, int hashCount) {
        this.words = words;
        this.bitCount = (long) words.length * Long.SIZE;
        this.hashCount = hashCount;
    }

    /** An empty filter sized so that {@code expectedKeys} keys give {@code falsePositiveChance}. */
    static BloomFilter forExpectedKeys(long expectedKeys, double falsePositiveChance) {
        long n = Math.max(1, expectedKeys);
        double ln2 = Math.log(2);
        double bits = Math.ceil(-n * Math.log(falsePositiveChance) / (ln2 * ln2));
        long wordCount = (long) Math.ceil(bits / Long.SIZE);
        if (wordCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("bloom filter for " + expectedKeys + " keys would exceed 16 GiB");
        }
        // k = log2(1/p) is the optimum for the unrounded size; taking it from p rather than from the
        // word-rounded m keeps tiny filters from probing 30 times for one key.
        int k = (int) Math.round(-Math.log(falsePositiveChance) / ln2);
        k = Math.max(1, Math.min(SSTableFormat.MAX_BLOOM_HASHES, k));
        return new BloomFilter(new long[(int) wordCount], k);
    }

    private static long hash(byte[] key) {
        return HASH.hash(key, 0, key.length, SSTableFormat.BLOOM_HASH_SEED);
    }

    void add(byte[] key) {
        long h = hash(key);
        long h1 = (h & 0xFFFFFFFFL) % bitCount;
        long h2 = (h >>> 32) % bitCount;
        long bit = h1;
        for (int i = 0; i < hashCount; i++) {
            words[(int) (bit >>> 6)] |= 1L << bit;
            bit += h2;
            if (bit >= bitCount) {
                bit -= bitCount;
            }
        }
    }

    /** False only if {@code key} was certainly never added. */
    boolean mayContain(byte[] key) {
        long h = hash(key);
        // Reduced once up front; afterwards (h1 + i*h2) mod m needs one add and one compare per probe.
        long h1 = (h & 0xFFFFFFFFL) % bitCount;
        long h2 = (h >>> 32) % bitCount;
        long bit = h1;
        for (int i = 0; i < hashCount; i++) {
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
            bit += h2;
            if (bit >= bitCount) {
                bit -= bitCount;
            }
        }
        return true;
    }

    int hashCount() {
        return hashCount;
    }

    long bitCount() {
        return bitCount;
    }

    /** Heap bytes held by the filter. */
    long memoryBytes() {
        return (long) words.length * Long.BYTES + 32;
    }

    /** Block contents: u8 hash count, u32 word count, the words as big-endian u64. */
    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(5 + words.length * Long.BYTES);
        b.put((byte) hashCount);
        b.putInt(words.length);
        b.asLongBuffer().put(words);
        return b.array();
    }

    /**
     * The filter in a bloom block's contents.
     *
     * @throws IllegalArgumentException if the contents are not a well-formed filter
     */
    static BloomFilter decode(byte[] block) {
        if (block.length < 5) {
            throw new IllegalArgumentException("bloom block of " + block.length + " bytes is too short");
        }
        ByteBuffer b = ByteBuffer.wrap(block);
        int k = b.get() & 0xFF;
        int wordCount = b.getInt();
        if (k < 1 || k > SSTableFormat.MAX_BLOOM_HASHES) {
            throw new IllegalArgumentException("bloom block has " + k + " hash functions");
        }
        if (wordCount < 1 || (long) wordCount * Long.BYTES != block.length - 5) {
            throw new IllegalArgumentException("bloom block of " + block.length + " bytes claims " + wordCount + " words");
        }
        long[] words = new long[wordCount];
        b.asLongBuffer().get(words);
        return new BloomFilter(words, k);
    }
}
