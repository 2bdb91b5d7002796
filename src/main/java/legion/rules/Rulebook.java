package legion.rules;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;

import legion.rules.internal.PolicyStore;
import legion.rules.internal.PolicyStore.StoredPolicy;
import legion.rules.internal.ReevaluationDriver;
import legion.rules.internal.VerdictStore;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * One program's policy at work: its published versions (the current one cached for a few seconds, so a version
 * published on another node is used here within {@link PolicyStore#CACHE_MILLIS}), verdicts recorded per subject,
 * publication of new versions by administrators with re-evaluation of the program's open subjects. Obtained from
 * {@link RuleEngine#rulebook(RuleProgram)}.
 */
public final class Rulebook<S, P> {

    private final RuleProgram<S, P> program;
    private final PolicyStore store;
    private final VerdictStore verdicts;
    private final ReevaluationDriver driver;
    private volatile Cached<S, P> cached;

    private record Cached<S, P>(PublishedPolicy<S, P> policy, long loadedAt) {
    }

    Rulebook(RuleProgram<S, P> program, PolicyStore store, VerdictStore verdicts, ReevaluationDriver driver) {
        this.program = program;
        this.store = store;
        this.verdicts = verdicts;
        this.driver = driver;
    }

    public String program() {
        return program.name();
    }

    /**
     * The version in force; version 1 is published from the program's defaults on first use, and what a release
     * ships ({@link RuleProgram#shipped}) as the next version when the version in force lacks it.
     */
    public PublishedPolicy<S, P> current() {
        Cached<S, P> c = cached;
        if (c != null && System.currentTimeMillis() - c.loadedAt() < PolicyStore.CACHE_MILLIS) {
            return c.policy();
        }
        PublishedPolicy<S, P> latest = latest().orElseGet(this::seed);
        var shipped = program.shipped(latest.policy().parameters());
        if (shipped.isPresent()) {
            latest = ship(latest.version() + 1, shipped.get());
        }
        cached = new Cached<>(latest, System.currentTimeMillis());
        return latest;
    }

    /** Every published version, newest first. */
    public List<PublishedPolicy<S, P>> history() {
        current();
        return store.all(program.name()).stream().map(this::published).toList();
    }

    /**
     * Every published version as an administrator's page lists it, newest first; rule labels are message keys under
     * {@code messagePrefix} (see {@link PolicySummary}).
     */
    public List<PolicySummary> summaries(String messagePrefix) {
        return history().stream().map(p -> PolicySummary.of(p, messagePrefix)).toList();
    }

    public Optional<PublishedPolicy<S, P>> find(int version) {
        return store.find(program.name(), version).map(this::published);
    }

    /**
     * Publishes a new version and re-evaluates every open subject against it (in small transactions; decided
     * subjects are left alone). Only administrators publish.
     *
     * @throws SecurityException       when the actor is not an administrator
     * @throws PolicyConflictException when another administrator published a version at the same moment
     */
    public Publication publish(Actor actor, P parameters, String note) {
        if (actor.role() != Role.ADMINISTRATOR) {
            throw new SecurityException("only administrators publish policies");
        }
        int version = latest().map(PublishedPolicy::version).orElseGet(() -> current().version()) + 1;
        insert(version, parameters, actor.id(), note);
        reevaluate(version);
        return report(version);
    }

    /**
     * Stores a version without re-evaluating (as if the publishing node stopped at once; {@link #resumeUnfinished}
     * or {@link #reevaluate} then judges the open subjects).
     *
     * @throws PolicyConflictException when this version number is taken
     */
    public void insert(int version, P parameters, String by, String note) {
        try {
            store.insert(program.name(), version, PolicyStore.JSON.writeValueAsString(parameters), by, kept(note));
        } catch (DuplicateKeyException e) {
            throw new PolicyConflictException();
        }
        cached = null;
    }

    /** Judges every open subject against this version; returns how many verdicts this call recorded. */
    public int reevaluate(int version) {
        PolicyVersion<S, P> policy = find(version).orElseThrow(PolicyNotFoundException::new).policy();
        return driver.run(program, policy, verdicts);
    }

    /** Resumes re-evaluations that a stopped node left unfinished (published some minutes ago). */
    public void resumeUnfinished(java.time.Instant publishedBefore) {
        for (int version : store.unfinished(program.name(), publishedBefore)) {
            reevaluate(version);
        }
    }

    /** Judges a subject with the version in force, recording nothing. */
    public Assessment judge(S subject, java.time.LocalDate day) {
        return current().policy().evaluate(subject, day);
    }

    /**
     * Records the first verdict on a new subject, in the caller's transaction.
     *
     * @throws DuplicateKeyException when this version already judged this subject
     */
    public void recordFirst(String subjectId, String reference, Assessment assessment) {
        verdicts.insert(program.name(), subjectId, reference, assessment, null);
    }

    /** Records a verdict in the caller's transaction, with the outcome of the subject's latest earlier verdict. */
    public void record(String subjectId, String reference, Assessment assessment) {
        verdicts.add(program.name(), subjectId, reference, assessment);
    }

    public boolean judged(String subjectId, int version) {
        return verdicts.exists(program.name(), subjectId, version);
    }

    /** The verdicts on a subject, newest version first. */
    public List<Verdict> verdicts(String subjectId) {
        return verdicts.of(program.name(), subjectId);
    }

    /**
     * What a published version did: how many open subjects it judged and whose outcome it changed.
     *
     * @throws PolicyNotFoundException when no such version was published
     */
    public Publication report(int version) {
        if (find(version).isEmpty()) {
            throw new PolicyNotFoundException();
        }
        return new Publication(version, verdicts.count(program.name(), version),
                verdicts.changes(program.name(), version));
    }

    private Optional<PublishedPolicy<S, P>> latest() {
        return store.latest(program.name()).map(this::published);
    }

    /** Publishes version 1 from the program's defaults, unless another node (or thread) did at the same moment. */
    private PublishedPolicy<S, P> seed() {
        return publishBySystem(1, program.defaults(), "Shipped default policy");
    }

    /**
     * Publishes what the release ships as the given version (by the system; its re-evaluation of open subjects is
     * left to {@link #resumeUnfinished}, as after a node that stopped, so first use is not slowed by it).
     */
    private PublishedPolicy<S, P> ship(int version, RuleProgram.Shipped<P> shipped) {
        return publishBySystem(version, shipped.parameters(), shipped.note());
    }

    /**
     * Stores a version published by the system, in the caller's transaction if there is one (the first filing or
     * issue that needs it). Another node or thread publishing the same version at the same moment is no error: an
     * insert refused by the unique key would abort the caller's whole transaction on PostgreSQL, so the insert skips
     * a taken version instead, and the version in force is read afterwards.
     */
    private PublishedPolicy<S, P> publishBySystem(int version, P parameters, String note) {
        store.insertIfAbsent(program.name(), version, PolicyStore.JSON.writeValueAsString(parameters), "system",
                kept(note));
        cached = null;
        return latest().orElseThrow();
    }

    /** A publication's note as stored: stripped, at most 500 characters, null when blank. */
    private static String kept(String note) {
        return note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(500, note.strip().length()));
    }

    private PublishedPolicy<S, P> published(StoredPolicy s) {
        P parameters = PolicyStore.JSON.readValue(s.parameters(), program.parametersType());
        return new PublishedPolicy<>(new PolicyVersion<>(s.version(), parameters, program.rules(parameters)),
                s.publishedAt(), s.publishedBy(), s.note(), s.reevaluatedAt());
    }
}
