package legion.rules;

import java.time.Instant;
import java.util.List;

/**
 * A published version as an administrator's policy page lists it, for any program: who published it and when, why
 * (the note), when its re-evaluation of open subjects finished, and each rule with the message key that names it
 * for people ({@link Finding#ruleKey(String, String)} under the program's prefix, with the numbers of its name as
 * arguments) and its source. The pages show it with the fragments of {@code templates/fragments/policy.html}.
 */
public record PolicySummary(int version, Instant publishedAt, String publishedBy, String note, Instant reevaluatedAt,
                            List<RuleSummary> rules) {

    public PolicySummary {
        rules = List.copyOf(rules);
    }

    /** One rule of a version: its stable name, the message key naming it, that key's arguments, its source. */
    public record RuleSummary(String name, String labelKey, List<String> labelArgs, String source) {

        public RuleSummary {
            labelArgs = List.copyOf(labelArgs);
        }

        /** The label's arguments as a template's message call takes them. */
        public Object[] labelArgsArray() {
            return labelArgs.toArray();
        }
    }

    public static PolicySummary of(PublishedPolicy<?, ?> published, String messagePrefix) {
        List<RuleSummary> rules = published.policy().rules().stream()
                .map(r -> new RuleSummary(r.name(), Finding.ruleKey(messagePrefix, r.name()),
                        Finding.ruleArguments(r.name()), r.source()))
                .toList();
        return new PolicySummary(published.version(), published.publishedAt(), published.publishedBy(),
                published.note(), published.reevaluatedAt(), rules);
    }
}
