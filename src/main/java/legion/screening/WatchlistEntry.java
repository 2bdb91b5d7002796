package legion.screening;

import java.util.List;
import java.util.Set;

/**
 * One listed person or organisation.
 *
 * @param list          the source list ("un", "ofac")
 * @param id            the list's own identifier (UN DATAID / reference, OFAC ent_num)
 * @param individual    true for a person, false for an entity, vessel or aircraft
 * @param name          the primary name
 * @param aliases       other names, including names in their original script
 * @param birthDates    stated dates of birth (possibly several, possibly ranges)
 * @param nationalities nationalities and citizenships as the list writes them
 * @param countryCodes  the same as ISO 3166-1 alpha-2 codes where recognised
 * @param gender        "male", "female" or {@code null}
 */
public record WatchlistEntry(String list, String id, boolean individual, String name, List<String> aliases,
                             List<BirthDate> birthDates, List<String> nationalities, Set<String> countryCodes,
                             String gender) {

    public WatchlistEntry {
        aliases = List.copyOf(aliases);
        birthDates = List.copyOf(birthDates);
        nationalities = List.copyOf(nationalities);
        countryCodes = Set.copyOf(countryCodes);
    }

    /** The primary name followed by all aliases. */
    public List<String> allNames() {
        var names = new java.util.ArrayList<String>(1 + aliases.size());
        names.add(name);
        names.addAll(aliases);
        return names;
    }
}
