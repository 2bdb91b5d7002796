package legion.parole.policy;

import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a parole policy version, as an administrator publishes them (stored as JSON by the rules
 * engine): the excluded offences in either notation ({@code ;}-separated), the longest remaining term in years, and
 * the legal source of each rule by rule name (a rule without one keeps policy v1's source).
 */
public record ParoleParameters(String excludedOffences, int remainingTermYears, Map<String, String> sources) {

    public ParoleParameters {
        if (!OffenceNotation.readList(excludedOffences).isReadable()) {
            throw new IllegalArgumentException("the excluded offences must be readable offences, ';'-separated");
        }
        if (remainingTermYears < 0 || remainingTermYears > 30) {
            throw new IllegalArgumentException("the remaining term must be 0 to 30 years");
        }
        Map<String, String> all = new TreeMap<>(PolicyV1.SOURCES);
        if (sources != null) {
            sources.forEach((rule, source) -> {
                if (!PolicyV1.SOURCES.containsKey(rule) || source == null || source.isBlank() || source.length() > 500
                        || legion.shared.TextRules.problem(source, legion.shared.TextRules.Lines.ONE).isPresent()) {
                    throw new IllegalArgumentException("a legal source names a rule of the policy, 1-500 characters");
                }
                all.put(rule, source.strip());
            });
        }
        sources = Map.copyOf(all);
    }

    public String source(String rule) {
        return sources.get(rule);
    }
}
