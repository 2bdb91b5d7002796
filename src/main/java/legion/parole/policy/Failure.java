package legion.parole.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One rule that failed for a convict: the rule's stable name, a detail (the excluded offence in the first notation)
 * and, for a rule that only defers eligibility, the day from which it no longer fails.
 */
public record Failure(String rule, String detail, LocalDate from) {

    public Failure {
        Objects.requireNonNull(rule);
    }

    public static Failure of(String rule) {
        return new Failure(rule, null, null);
    }

    /** Whether the failure only defers eligibility to {@link #from()} instead of excluding the convict. */
    public boolean defers() {
        return from != null;
    }

    /** As {@code parole-screen} writes it: {@code REMAINING_TERM}, {@code EXCLUDED_OFFENCE(115:2.1)}. */
    @Override
    public String toString() {
        return detail == null ? rule : rule + "(" + detail + ")";
    }
}
