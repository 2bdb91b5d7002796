package legion.screening;

import java.util.List;

/**
 * A possible match of a screened person with a listed one.
 *
 * @param list        source list ("un", "ofac")
 * @param listId      the entry's identifier in that list
 * @param matchedName the listed name or alias that matched best
 * @param score       name similarity adjusted by the qualifiers, 0..1
 * @param nameScore   name similarity alone, 0..1
 * @param reasons     what raised or lowered the score (e.g. "birth year matches", "nationality differs")
 */
public record Hit(String list, String listId, String matchedName, double score, double nameScore,
                  List<String> reasons) {

    public Hit {
        reasons = List.copyOf(reasons);
    }
}
