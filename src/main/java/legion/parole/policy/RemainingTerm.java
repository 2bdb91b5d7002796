package legion.parole.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code REMAINING_TERM}: more than {@code years} of the sentence left. Eligibility is deferred to the sentence's end
 * less that many years ({@link LocalDate#minusYears}: 29 February becomes 28 February); with exactly that much left
 * the convict is eligible. Not judged for a life sentence.
 */
public record RemainingTerm(int years, String legalSource) implements ConvictRule {

    public static final String NAME = "REMAINING_TERM";

    public RemainingTerm {
        if (years < 0) {
            throw new IllegalArgumentException("years must not be negative");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String field() {
        return "sentenceEnd";
    }

    @Override
    public List<Failure> judge(Convict convict, LocalDate day) {
        if (convict.lifeSentence()) {
            return List.of();
        }
        LocalDate from = eligibleFrom(convict.sentenceEnd());
        return from.isAfter(day) ? List.of(new Failure(NAME, null, from)) : List.of();
    }

    public LocalDate eligibleFrom(LocalDate sentenceEnd) {
        return sentenceEnd.minusYears(years);
    }
}
