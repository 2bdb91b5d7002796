package legion.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A second program for the engine's tests, shaped like the service for release (PRODUCT.md Program 3): convicts
 * judged by excluded offences (one finding per offence, with the offence as detail) and the remaining term (a
 * finding with the day from which the convict becomes eligible). Its subjects live in a map the test fills.
 */
final class ReleaseProgram implements RuleProgram<ReleaseProgram.Convict, ReleaseProgram.Parameters> {

    static final String SOURCE = "Criminal Code art. 81-1 (Law 3687-IX)";

    record Convict(String id, List<String> offences, LocalDate sentenceEnd, boolean open) {
    }

    record Parameters(Set<String> excludedOffences, int maxRemainingYears) {
    }

    record ExcludedOffence(Set<String> excluded) implements Rule<Convict> {
        public String name() {
            return "EXCLUDED_OFFENCE";
        }

        public Finding evaluate(Convict c, LocalDate day) {
            return findings(c, day).get(0);
        }

        @Override
        public List<Finding> findings(Convict c, LocalDate day) {
            List<Finding> found = c.offences().stream().filter(excluded::contains)
                    .map(o -> Finding.of(name(), Outcome.FAIL, "offences", "parole.excludedOffence")
                            .detailed(o).from(SOURCE))
                    .toList();
            return found.isEmpty() ? List.of(Finding.pass(name(), "offences", "parole").from(SOURCE)) : found;
        }
    }

    record RemainingTerm(int years) implements Rule<Convict> {
        public String name() {
            return "REMAINING_TERM";
        }

        public Finding evaluate(Convict c, LocalDate day) {
            LocalDate from = c.sentenceEnd().minusYears(years);
            return from.isAfter(day)
                    ? Finding.of(name(), Outcome.FAIL, "sentenceEnd", "parole.remainingTerm", years).on(from).from(SOURCE)
                    : Finding.pass(name(), "sentenceEnd", "parole").from(SOURCE);
        }
    }

    private final String name;
    final Map<String, Convict> convicts = new TreeMap<>();

    ReleaseProgram(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    public Parameters defaults() {
        return new Parameters(Set.of("115:2.1", "258"), 3);
    }

    public List<Rule<Convict>> rules(Parameters p) {
        return List.of(new ExcludedOffence(p.excludedOffences()), new RemainingTerm(p.maxRemainingYears()));
    }

    /** Pages of two, to make the driver turn pages. */
    public Page openSubjects(String cursor, int limit) {
        List<String> ids = new ArrayList<>();
        for (Convict c : convicts.values()) {
            if (c.open() && (cursor == null || c.id().compareTo(cursor) > 0) && ids.size() < Math.min(2, limit)) {
                ids.add(c.id());
            }
        }
        return new Page(ids, ids.size() < 2 ? null : ids.get(ids.size() - 1));
    }

    public Optional<Subject<Convict>> openSubject(String id) {
        return Optional.ofNullable(convicts.get(id)).filter(Convict::open)
                .map(c -> new Subject<>(id, "PRL-" + id, c, LocalDate.of(2026, 3, 1)));
    }
}
