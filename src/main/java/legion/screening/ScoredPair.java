package legion.screening;

import java.util.List;

/**
 * Two records judged (or proposed as) the same person.
 *
 * @param id1     id of the first record
 * @param id2     id of the second record
 * @param score   match probability under the linkage model, 0..1
 * @param reasons per-field evidence, strongest first (e.g. "passport_number identical (certain)", "surname 0.94 +9.1")
 */
public record ScoredPair(String id1, String id2, double score, List<String> reasons) {

    public ScoredPair {
        reasons = List.copyOf(reasons);
    }
}
