package legion.screening.internal;

import java.util.Arrays;

/** An open-addressing set of longs (candidate pairs packed as two ints), without boxing. Not thread-safe. */
public final class LongSet {

    private static final long EMPTY = -1L;
    private long[] slots;
    private int size;

    public LongSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new long[cap];
        Arrays.fill(slots, EMPTY);
    }

    /** Adds a non-negative value; true if it was new. */
    public boolean add(long v) {
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (mix(v) & mask);
        while (slots[i] != EMPTY) {
            if (slots[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = v;
        size++;
        return true;
    }

    public int size() {
        return size;
    }

    public long[] toArray() {
        long[] out = new long[size];
        int n = 0;
        for (long s : slots) {
            if (s != EMPTY) {
                out[n++] = s;
            }
        }
        return out;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        size = 0;
        for (long s : old) {
            if (s != EMPTY) {
                add(s);
            }
        }
    }

    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return v;
    }
}
