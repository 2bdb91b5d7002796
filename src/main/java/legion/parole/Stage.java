package legion.parole;

import java.util.EnumSet;
import java.util.Set;

/**
 * The stages of a parole case (PRODUCT.md, Program 3):
 * {@code APPLIED → SCREENED → EXAMINED → ACCEPTED → PETITIONED → RELEASED → HANDED_OVER → IN_SERVICE → DISCHARGED};
 * {@code NOT_ELIGIBLE}, {@code UNFIT}, {@code DECLINED}, {@code REFUSED}, {@code WITHDRAWN} end a case; from
 * {@code IN_SERVICE} also {@code ABSENT} and {@code RETURNED_TO_CUSTODY}. The edges are the {@link Transition}s.
 */
public enum Stage {
    /** Filed by the prison administration with the convict's consent; the policy's verdict recorded. */
    APPLIED,
    /** The policy found the convict eligible; waiting for the medical board. */
    SCREENED,
    /** Found fit by the military medical board and the psychological check; waiting for a commander. */
    EXAMINED,
    /** A unit commander accepted the convict. */
    ACCEPTED,
    /** The petition is before the court. */
    PETITIONED,
    /** Released: by the court's ruling, or (the 2022 way) by a named authority; the 24-hour clock runs. */
    RELEASED,
    /** Escorted to the recruitment centre (TCC). */
    HANDED_OVER,
    /** Contract signed; serving under supervision. */
    IN_SERVICE,
    /** Discharged from service. Final. */
    DISCHARGED,
    /** The policy excludes the convict. Final. */
    NOT_ELIGIBLE,
    /** Found unfit by the medical board. Final. */
    UNFIT,
    /** Declined by the commander. Final. */
    DECLINED,
    /** Refused by the court. Final. */
    REFUSED,
    /** The convict withdrew consent. Final. */
    WITHDRAWN,
    /** Unauthorised absence from the unit, referred under art. 336-2. */
    ABSENT,
    /** Returned to custody (a new offence, or after an absence). Final. */
    RETURNED_TO_CUSTODY;

    private static final Set<Stage> OPEN = EnumSet.of(APPLIED, SCREENED, EXAMINED, ACCEPTED, PETITIONED);
    private static final Set<Stage> FINAL =
            EnumSet.of(DISCHARGED, NOT_ELIGIBLE, UNFIT, DECLINED, REFUSED, WITHDRAWN, RETURNED_TO_CUSTODY);

    /** Before the release: the convict may still withdraw consent, and policy versions re-evaluate the case. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public static Set<Stage> open() {
        return EnumSet.copyOf(OPEN);
    }
}
