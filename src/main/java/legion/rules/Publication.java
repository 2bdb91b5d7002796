package legion.rules;

import java.util.List;

/** What a publication did: the version, how many open subjects it judged, and whose outcome changed. */
public record Publication(int version, long judged, List<OutcomeChange> changes) {
}
