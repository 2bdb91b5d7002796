package legion.parole.policy;

import java.time.LocalDate;
import java.util.List;

/** {@code LIFE_SENTENCE}: a convict sentenced to life is never eligible. */
public record LifeSentence(String legalSource) implements ConvictRule {

    public static final String NAME = "LIFE_SENTENCE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String field() {
        return "lifeSentence";
    }

    @Override
    public List<Failure> judge(Convict convict, LocalDate day) {
        return convict.lifeSentence() ? List.of(Failure.of(NAME)) : List.of();
    }
}
