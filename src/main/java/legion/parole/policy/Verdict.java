package legion.parole.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A policy's verdict on one convict: the outcome, the day of eligibility for {@link Outcome#ELIGIBLE_FROM}, the
 * failed rules in the policy's order (or, for {@link Outcome#INVALID}, the reasons the input could not be read).
 */
public record Verdict(Outcome outcome, LocalDate eligibleFrom, List<Failure> failures, List<String> invalidReasons) {

    public Verdict {
        Objects.requireNonNull(outcome);
        failures = List.copyOf(failures);
        invalidReasons = List.copyOf(invalidReasons);
        if ((outcome == Outcome.ELIGIBLE_FROM) != (eligibleFrom != null)) {
            throw new IllegalArgumentException("a day of eligibility belongs to ELIGIBLE_FROM only");
        }
    }

    /** The verdict of the given failures: none is eligible, only deferring ones eligible from the latest day. */
    public static Verdict of(List<Failure> failures) {
        if (failures.isEmpty()) {
            return new Verdict(Outcome.ELIGIBLE, null, List.of(), List.of());
        }
        LocalDate from = null;
        for (Failure f : failures) {
            if (!f.defers()) {
                return new Verdict(Outcome.NOT_ELIGIBLE, null, failures, List.of());
            }
            from = from == null || f.from().isAfter(from) ? f.from() : from;
        }
        return new Verdict(Outcome.ELIGIBLE_FROM, from, failures, List.of());
    }

    public static Verdict invalid(List<String> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an invalid verdict names its reasons");
        }
        return new Verdict(Outcome.INVALID, null, List.of(), reasons);
    }

    /** The {@code rules} column: failed rules (or the reasons of an invalid row), {@code ;}-separated. */
    public String rules() {
        if (outcome == Outcome.INVALID) {
            return String.join(";", invalidReasons);
        }
        return failures.stream().map(Failure::toString).collect(Collectors.joining(";"));
    }
}
