package legion.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a program tells the rules engine (a Spring bean of the program, collected by {@link RuleEngine}): its name,
 * how its parameters become rules, the first version's parameters, and which of its subjects are open — the ones a
 * newly published version judges again.
 *
 * @param <S> the subject its rules judge
 * @param <P> its parameters: a record that Jackson writes and reads, validated in its constructor
 */
public interface RuleProgram<S, P> {

    /** The program's key in the engine's tables, e.g. {@code legion}, {@code parole}; at most 30 characters. */
    String name();

    Class<P> parametersType();

    /** The parameters of version 1, published by the system on first use. */
    P defaults();

    /** The named rules these parameters make, in the order they are applied. */
    List<Rule<S>> rules(P parameters);

    /**
     * What a release of the program ships for the version in force, when it must change (a rule the law adds, that
     * earlier versions did not have): the system then publishes it as the next version on first use, as it seeds
     * version 1 — a published version never changes its rules. Empty (the default) when nothing is shipped; a
     * program returns empty for parameters that already have what it ships, so this happens once.
     */
    default Optional<Shipped<P>> shipped(P inForce) {
        return Optional.empty();
    }

    /** Parameters a release ships, with the note its version is published with (why, and the legal source). */
    record Shipped<P>(P parameters, String note) {
    }

    /**
     * A page of open subjects' ids in a stable order after the given cursor ({@code null}: from the start).
     *
     * @return the ids and the cursor to continue from, {@code null} when this is the last page
     */
    Page openSubjects(String cursor, int limit);

    /**
     * The subject with this id, read again in the transaction that records its verdict, if it is still open; a
     * subject decided meanwhile is not judged again.
     */
    Optional<Subject<S>> openSubject(String id);

    /** A page of open subjects. */
    record Page(List<String> ids, String next) {

        public Page {
            ids = List.copyOf(ids);
        }
    }

    /**
     * A subject to judge.
     *
     * @param id        the program's id of the subject (unique within the program)
     * @param reference the reference people use for it, shown in a publication's report (never personal data)
     * @param day       the day it is judged as of (kept across versions when the program says so)
     */
    record Subject<S>(String id, String reference, S value, LocalDate day) {
    }
}
