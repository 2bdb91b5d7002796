package legion.arms.register;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import legion.rules.Finding;
import legion.rules.Outcome;
import legion.rules.Rule;
import legion.rules.RuleProgram;

/**
 * The arms register's program in the rules engine: every issue is judged by the version in force on the day of the
 * issue; issues are not judged again when a version is published (an issue is decided when it is made), so there are
 * no open subjects. Version 1: holder at least 18, legally in Ukraine, not prohibited, at most
 * {@code legion.arms.max-weapons} (2) weapons at once, weapon in stock at the officer's own point. The release
 * ships version 1's parameters again with {@link NotAConvict} (ADR 0150) as the next version.
 */
@Component
class ArmsRules implements RuleProgram<IssueCheck, ArmsPolicy> {

    static final String NAME = "arms";
    private static final String PREFIX = "arms";

    private final int maxWeapons;

    ArmsRules(@Value("${legion.arms.max-weapons:2}") int maxWeapons) {
        this.maxWeapons = maxWeapons;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ArmsPolicy> parametersType() {
        return ArmsPolicy.class;
    }

    @Override
    public ArmsPolicy defaults() {
        return new ArmsPolicy(18, maxWeapons);
    }

    @Override
    public List<Rule<IssueCheck>> rules(ArmsPolicy p) {
        List<Rule<IssueCheck>> rules = new java.util.ArrayList<>(List.of(new HolderAge(p.minimumAge()),
                new LegallyInUkraine(), new NotProhibited()));
        if (p.refusesConvicts()) {
            rules.add(new NotAConvict());
        }
        rules.add(new WeaponsHeld(p.maximumWeapons()));
        rules.add(new InStockAtOfficerPoint());
        return List.copyOf(rules);
    }

    /** A version published before the criminal-record bar gets it, as the next version (once). */
    @Override
    public Optional<Shipped<ArmsPolicy>> shipped(ArmsPolicy inForce) {
        return inForce.convictsRefused() != null ? Optional.empty()
                : Optional.of(new Shipped<>(new ArmsPolicy(inForce.minimumAge(), inForce.maximumWeapons(), true),
                        "Shipped: " + NotAConvict.NAME + " (" + NotAConvict.SOURCE + ")"));
    }

    @Override
    public Page openSubjects(String cursor, int limit) {
        return new Page(List.of(), null);
    }

    @Override
    public Optional<Subject<IssueCheck>> openSubject(String id) {
        return Optional.empty();
    }

    record HolderAge(int min) implements Rule<IssueCheck> {
        public String name() {
            return "holder-age-" + min;
        }

        public Finding evaluate(IssueCheck c, LocalDate day) {
            return Period.between(c.dateOfBirth(), day).getYears() >= min ? Finding.pass(name(), "dateOfBirth", PREFIX)
                    : Finding.of(name(), Outcome.FAIL, "dateOfBirth", "arms.refusal.holderAge", min);
        }
    }

    record LegallyInUkraine() implements Rule<IssueCheck> {
        public String name() {
            return "legally-in-ukraine";
        }

        public Finding evaluate(IssueCheck c, LocalDate day) {
            return c.legalStatus().legallyInUkraine() ? Finding.pass(name(), "legalStatus", PREFIX)
                    : Finding.of(name(), Outcome.FAIL, "legalStatus", "arms.refusal.legallyInUkraine");
        }
    }

    record NotProhibited() implements Rule<IssueCheck> {
        public String name() {
            return "not-prohibited";
        }

        public Finding evaluate(IssueCheck c, LocalDate day) {
            return c.prohibited() ? Finding.of(name(), Outcome.FAIL, "documentNumber", "arms.refusal.notProhibited")
                    : Finding.pass(name(), "documentNumber", PREFIX);
        }
    }

    /**
     * The holder is not a convict in custody or in an open parole case, as the parole program answers (yes or no,
     * nothing of the case; ADR 0150).
     */
    record NotAConvict() implements Rule<IssueCheck> {
        static final String NAME = "not-a-convict";
        static final String SOURCE = "Law 2114-IX (in force 10 March 2022) and its Interior Ministry procedure, as "
                + "reported: a person with a criminal record does not receive a weapon";

        public String name() {
            return NAME;
        }

        @Override
        public String source() {
            return SOURCE;
        }

        public Finding evaluate(IssueCheck c, LocalDate day) {
            return (c.convict() ? Finding.of(name(), Outcome.FAIL, "holder", "arms.refusal.notAConvict")
                    : Finding.pass(name(), "holder", PREFIX)).from(SOURCE);
        }
    }

    /** After this issue the holder would hold {@code weaponsHeld + 1}. */
    record WeaponsHeld(int max) implements Rule<IssueCheck> {
        public String name() {
            return "weapons-held-max-" + max;
        }

        public Finding evaluate(IssueCheck c, LocalDate day) {
            return c.weaponsHeld() + 1 <= max ? Finding.pass(name(), "holder", PREFIX)
                    : Finding.of(name(), Outcome.FAIL, "holder", "arms.refusal.weaponsHeldMax", max);
        }
    }

    record InStockAtOfficerPoint() implements Rule<IssueCheck> {
        public String name() {
            return "weapon-in-stock-at-officer-point";
        }

        public Finding evaluate(IssueCheck c, LocalDate day) {
            return c.weaponStatus() == WeaponStatus.IN_STOCK && c.officerPoint() != null
                    && c.officerPoint().equals(c.weaponPoint()) ? Finding.pass(name(), "weapon", PREFIX)
                    : Finding.of(name(), Outcome.FAIL, "weapon", "arms.refusal.weaponInStockAtOfficerPoint");
        }
    }
}
