package legion.parole.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code NO_SENTENCE_LEFT}: a sentence that has ended on or before the day judged leaves nothing to release from
 * (a sentence ending today counts as ended). Not judged for a life sentence.
 */
public record NoSentenceLeft(String legalSource) implements ConvictRule {

    public static final String NAME = "NO_SENTENCE_LEFT";

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
        return !convict.lifeSentence() && !convict.sentenceEnd().isAfter(day) ? List.of(Failure.of(NAME)) : List.of();
    }
}
