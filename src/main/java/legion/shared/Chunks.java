package legion.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A list cut into consecutive parts of at most {@code size} elements, for {@code in (...)} lists: one statement per
 * part keeps each under the databases' limits on bound parameters however large the batch.
 */
public final class Chunks {

    private Chunks() {
    }

    /** Views of {@code list}, in order, each of at most {@code size} elements; none for an empty list. */
    public static <T> List<List<T>> of(List<T> list, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a chunk holds at least one element");
        }
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            parts.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return parts;
    }
}
