package legion.parole.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the parole policy judges of a convict: the offences of the sentence, the day the sentence ends (none for a
 * life sentence), whether it is a life sentence and whether the convict held an especially responsible post.
 */
public record Convict(List<Offence> offences, LocalDate sentenceEnd, boolean lifeSentence, boolean responsiblePost) {

    public Convict {
        offences = List.copyOf(Objects.requireNonNull(offences));
        if (!lifeSentence && sentenceEnd == null) {
            throw new IllegalArgumentException("a sentence that is not for life has an end");
        }
    }
}
