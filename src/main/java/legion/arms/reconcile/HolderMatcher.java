package legion.arms.reconcile;

import java.util.Map;

import legion.screening.LinkageConfig;
import legion.screening.LinkageEngine;

/**
 * Whether a journal's person is a register row's holder: the platform's record linkage ({@link LinkageEngine}) under
 * {@code arms/holders.yml}. Thread-safe.
 */
final class HolderMatcher {

    /** Scores at or above this are judged the same person. */
    static final double THRESHOLD = 0.5;

    private final LinkageEngine engine = new LinkageEngine(LinkageConfig.fromClasspath("arms/holders.yml"));

    /** Prepares the people of a batch, each distinct name normalised once, in the batch's order. */
    java.util.List<LinkageEngine.Prepared> prepareAll(java.util.List<Person> people) {
        java.util.List<Map<String, String>> records = new java.util.ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            records.add(Map.of("row", Integer.toString(i + 1), "holder_id", p.holderId(), "surname", p.surname(),
                    "given_names", p.givenNames(), "patronymic", p.patronymic(), "date_of_birth", p.dateOfBirth()));
        }
        return engine.prepareAll(records);
    }

    double score(LinkageEngine.Prepared a, LinkageEngine.Prepared b) {
        return engine.score(a, b);
    }
}
