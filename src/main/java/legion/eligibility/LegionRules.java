package legion.eligibility;

import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import legion.enlistment.Applicant;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Enlistments.CaseSummary;
import legion.enlistment.Enlistments.Cursor;
import legion.enlistment.Enlistments.QueueQuery;
import legion.enlistment.Stage;
import legion.rules.Rule;
import legion.rules.RuleProgram;
import legion.shared.ServiceRole;

/**
 * The Legion's program in the rules engine: applications judged as of their day of application by the eligibility
 * rules; open cases (SUBMITTED … APPROVED) are judged again when a version is published. Version 1 is the shipped
 * default with {@code legion.eligibility.excluded-nationalities}.
 */
@Component
class LegionRules implements RuleProgram<Applicant, PolicyParameters> {

    static final String NAME = "legion";

    private final Enlistments enlistments;
    private final Set<String> excludedByDefault;

    LegionRules(Enlistments enlistments,
                @Value("${legion.eligibility.excluded-nationalities:RU}") Set<String> excluded) {
        this.enlistments = enlistments;
        this.excludedByDefault = excluded.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(String::toUpperCase).collect(Collectors.toSet());
    }

    public String name() {
        return NAME;
    }

    public Class<PolicyParameters> parametersType() {
        return PolicyParameters.class;
    }

    public PolicyParameters defaults() {
        return PolicyParameters.defaults(excludedByDefault);
    }

    public List<Rule<Applicant>> rules(PolicyParameters parameters) {
        return List.copyOf(eligibilityRules(parameters));
    }

    /** The Legion's rules, in the order they are applied. */
    static List<EligibilityRule> eligibilityRules(PolicyParameters parameters) {
        return List.of(
                new Rules.Age(parameters.minAge(), parameters.maxAge()),
                new Rules.PassportValidity(parameters.minPassportValidityMonths()),
                new Rules.Nationality(parameters.excludedNationalities()),
                new Rules.CriminalRecord(),
                new Rules.MilitaryExperience(rolesWhere(parameters, RoleRequirements::militaryExperience)),
                new Rules.CombatExperience(rolesWhere(parameters, RoleRequirements::combatDeployments)),
                new Rules.English(rolesWhere(parameters, RoleRequirements::english)),
                new Rules.MedicalQualification(rolesWhere(parameters, RoleRequirements::medicalQualification)));
    }

    private static Set<ServiceRole> rolesWhere(PolicyParameters p, Predicate<RoleRequirements> required) {
        Set<ServiceRole> roles = EnumSet.noneOf(ServiceRole.class);
        for (ServiceRole r : ServiceRole.values()) {
            if (required.test(p.requirementsOf(r))) {
                roles.add(r);
            }
        }
        return roles;
    }

    /** Open cases by keyset on (submitted at, id), as the queues page them. */
    public Page openSubjects(String cursor, int limit) {
        Cursor after = Cursor.decode(cursor).orElse(null);
        List<CaseSummary> page = enlistments.queue(new QueueQuery(null, Stage.open(), null, null, after, limit));
        return new Page(page.stream().map(c -> c.id().toString()).toList(),
                page.size() < limit ? null : page.get(page.size() - 1).cursor().encode());
    }

    public Optional<Subject<Applicant>> openSubject(String id) {
        return enlistments.findById(new EnlistmentId(UUID.fromString(id)))
                .filter(e -> e.stage().isOpen())
                .map(e -> new Subject<>(id, e.reference().value(), e.applicant(),
                        e.submittedAt().atZone(ZoneOffset.UTC).toLocalDate()));
    }
}
